import { Result } from 'antd';

/**
 * The 403 and 404 pages. antd's Result draws them with large inline illustrations (about 36 KiB of
 * script), so app-routes.tsx loads this file only when one is shown, not with every staff page.
 */
export default function StatusResult({ status, subTitle }: { status: '403' | '404'; subTitle: string }) {
  return <Result status={status} title={status} subTitle={subTitle} />;
}
