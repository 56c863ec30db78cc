import type { MobileWebModule } from '@linli/web-kit';
import { StationHomeEntry, stationMobile } from './stations-web.ts';

/** Deliberation for residents: the stations near home, and a station's public page (its QR code leads there). */
export const mobileWeb: MobileWebModule = {
  routes: [...stationMobile.routes],
  home: StationHomeEntry,
  publicRoutes: [...stationMobile.publicRoutes],
};
