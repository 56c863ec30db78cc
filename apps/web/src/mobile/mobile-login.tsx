import { ApiError, api, setCsrfToken } from '@linli/web-kit/client';
import { useCurrentUser, usesStaffApp } from '@linli/web-kit/current-user';
import { type Locale, setLocale } from '@linli/web-kit/i18n';
import type { LoginResponse, Me } from '@linli/web-kit/types';
import { Button, Form, Input, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginErrorMessage } from '../features/auth/login-error.ts';

/** An address this entry (m.html) renders itself; anything else is the staff app's and is loaded from the server. */
function residentAddress(path: string): boolean {
  return path === '/m' || path.startsWith('/m/') || path.startsWith('/m?') || path.startsWith('/board/');
}

/**
 * The resident's sign-in page (`/login?next=/m…`), in the light entry: antd-mobile, no antd. Same
 * account, same API and the same answers (wrong password, lockout, expired password) as the staff
 * login page; after signing in the resident goes back to `next`, staff to the admin app.
 */
export function MobileLogin() {
  const { t } = useTranslation();
  const { me, refresh } = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const destination = (target: Me): string => {
    const back = params.get('next');
    if (back?.startsWith('/') && !back.startsWith('//')) return back;
    return usesStaffApp(target) ? '/' : '/m';
  };
  const go = (path: string) => {
    if (residentAddress(path)) navigate(path, { replace: true });
    else window.location.replace(path);
  };

  const onLogin = async (values: { username: string; password: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      const res = await api.post<LoginResponse>('/auth/login', values, { allow401: true });
      setCsrfToken(res.csrfToken);
      const current = await refresh();
      if (current && !current.passwordExpired) go(destination(current));
    } catch (e) {
      setError(loginErrorMessage(e, t));
    } finally {
      setSubmitting(false);
    }
  };

  if (me && !me.passwordExpired && !submitting) {
    const target = destination(me);
    return residentAddress(target) ? <Navigate to={target} replace /> : <Redirect to={target} />;
  }

  return (
    <main className="m-login" data-testid="mobile-login">
      <div className="m-login-lang">
        <LanguageLinks />
      </div>
      <h1 className="m-login-title">{t('app.name')}</h1>
      <p className="m-login-subtitle">{t('app.fullName')}</p>
      {me?.passwordExpired ? (
        <>
          <div className="m-login-notice" role="status">
            <strong>{t('auth.expiredTitle')}</strong>
            <div>{t('auth.expiredHint')}</div>
          </div>
          <MobileChangePassword
            onDone={async () => {
              Toast.show({ content: t('auth.passwordChanged') });
              const current = await refresh();
              if (current && !current.passwordExpired) go(destination(current));
            }}
          />
        </>
      ) : (
        <Form
          layout="vertical"
          onFinish={onLogin}
          requiredMarkStyle="none"
          data-testid="login-form"
          footer={
            <Button block type="submit" color="primary" size="large" loading={submitting} data-testid="login-submit">
              {t('auth.login')}
            </Button>
          }
        >
          {error && (
            <div className="m-login-error" role="alert" data-testid="login-error">
              {error}
            </div>
          )}
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('common.required') }]}>
            <Input id="login-username" aria-label={t('auth.username')} autoComplete="username" clearable data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('common.required') }]}>
            <Input
              id="login-password"
              type="password"
              aria-label={t('auth.password')}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
        </Form>
      )}
    </main>
  );
}

/** Loads a staff address from the server (it is index.html's, not this entry's). */
function Redirect({ to }: { to: string }) {
  useEffect(() => window.location.replace(to), [to]);
  return null;
}

function LanguageLinks() {
  const { i18n } = useTranslation();
  const current: Locale = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const options: [Locale, string][] = [
    ['zh-CN', '中文'],
    ['en-US', 'EN'],
  ];
  return (
    <div data-testid="language-switch" className="m-login-lang-switch">
      {options.map(([locale, label]) => (
        <button key={locale} type="button" aria-pressed={current === locale} onClick={() => setLocale(locale)}>
          {label}
        </button>
      ))}
    </div>
  );
}

/** The expired-password form of the resident login page (the staff page has the antd one). */
function MobileChangePassword({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: { currentPassword: string; newPassword: string }) => {
    setSaving(true);
    setError(null);
    try {
      await api.post('/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      onDone();
    } catch (e) {
      const fields = e instanceof ApiError ? e.detailList.map((d) => String(d.reason ?? '')).filter(Boolean) : [];
      setError([e instanceof Error ? e.message : String(e), ...fields].join('; '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      requiredMarkStyle="none"
      data-testid="change-password-form"
      footer={
        <Button block type="submit" color="primary" size="large" loading={saving} data-testid="change-password-submit">
          {t('auth.changePassword')}
        </Button>
      }
    >
      {error && (
        <div className="m-login-error" role="alert">
          {error}
        </div>
      )}
      <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input type="password" aria-label={t('auth.currentPassword')} autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('auth.newPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input type="password" aria-label={t('auth.newPassword')} autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          {
            validator: (_rule, value) =>
              !value || form.getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordMismatch'))),
          },
        ]}
      >
        <Input type="password" aria-label={t('auth.confirmPassword')} autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
    </Form>
  );
}
