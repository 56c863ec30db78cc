import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/es/locale/en_US';
import zhCNAntd from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { CurrentUserProvider } from '@linli/web-kit/current-user';
import { desktopTheme } from '@linli/web-kit/theme';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { AppRoutes } from './app-routes.tsx';
import './i18n/index.ts';
import './global.css';

// Someone who asked their system for less motion gets none: antd's dialogs, menus and buttons stop
// animating (prefers-reduced-motion, WCAG 2.3.3). The browser tests run that way too.
const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

function Root() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en-US';
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
    document.documentElement.lang = zh ? 'zh-CN' : 'en-US';
  }, [zh]);
  return (
    <ConfigProvider
      locale={zh ? zhCNAntd : enUSAntd}
      // Party red for the brand; fields focus in blue, so a red border means an error only (web-kit/theme).
      theme={desktopTheme({ motion: !reducedMotion })}
    >
      <AntApp>
        <BrowserRouter>
          <CurrentUserProvider>
            <AppRoutes />
          </CurrentUserProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
