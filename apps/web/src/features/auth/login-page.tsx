import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { api, setCsrfToken } from '@linli/web-kit/client';
import { useCurrentUser, usesStaffApp } from '@linli/web-kit/current-user';
import type { LoginResponse, Me } from '@linli/web-kit/types';
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../components/app-layout.tsx';
import { ChangePasswordForm } from './change-password-form.tsx';
import { loginErrorMessage } from './login-error.ts';

/** Where a user lands: the admin app, or the resident pages for someone who is only a resident. */
export function homeOf(me: Me): string {
  return usesStaffApp(me) ? '/' : '/m';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { me, refresh } = useCurrentUser();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const { message } = App.useApp();

  const next = (target: Me) => {
    const back = params.get('next');
    navigate(back?.startsWith('/') && !back.startsWith('//') ? back : homeOf(target), { replace: true });
  };

  const onLogin = async (values: { username: string; password: string }) => {
    setSubmitting(true);
    setError(null);
    try {
      const res = await api.post<LoginResponse>('/auth/login', values, { allow401: true });
      setCsrfToken(res.csrfToken);
      const current = await refresh();
      if (current && !current.passwordExpired) next(current);
    } catch (e) {
      setError(loginErrorMessage(e, t));
    } finally {
      setSubmitting(false);
    }
  };

  if (me && !me.passwordExpired && !submitting) return <Navigate to={homeOf(me)} replace />;

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f5f5' }}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, marginBottom: 12 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', color: '#c8161d', marginTop: 0 }}>
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('app.fullName')}
        </Typography.Paragraph>
        {me?.passwordExpired ? (
          <>
            <Alert
              type="warning"
              showIcon
              title={t('auth.expiredTitle')}
              description={t('auth.expiredHint')}
              style={{ marginBottom: 16 }}
            />
            <ChangePasswordForm
              onDone={async () => {
                message.success(t('auth.passwordChanged'));
                const current = await refresh();
                if (current && !current.passwordExpired) next(current);
              }}
            />
          </>
        ) : (
          <Form layout="vertical" onFinish={onLogin} requiredMark={false} data-testid="login-form">
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('common.required') }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" size="large" />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('common.required') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
              {t('auth.login')}
            </Button>
          </Form>
        )}
      </Card>
    </Flex>
  );
}
