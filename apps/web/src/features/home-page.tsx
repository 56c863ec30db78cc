import { useCurrentUser, usesStaffApp } from '@linli/web-kit/current-user';
import { WorkbenchPage } from '@linli/workbench/web';
import { Flex, Spin } from 'antd';
import { Suspense } from 'react';
import { Navigate } from 'react-router';

/** The staff home: each role's workbench (modules/workbench/web). Residents use the phone pages. */
export function HomePage() {
  const { me } = useCurrentUser();
  if (!me) return null;
  // Residents use the mobile pages.
  if (!usesStaffApp(me)) return <Navigate to="/m" replace />;
  return (
    <div data-testid="home">
      <Suspense
        fallback={
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        }
      >
        <WorkbenchPage />
      </Suspense>
    </div>
  );
}
