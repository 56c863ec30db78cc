import type { MobileWebModule } from '@linli/web-kit';
import { lazy } from 'react';

const ResidentHomeBlock = lazy(() => import('./resident-home.tsx'));

/** The resident's phone home: the full address, open demands and the board (first block of the home page). */
export const mobileWeb: MobileWebModule = { home: ResidentHomeBlock };
