import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { ModuleStrings } from './i18n/index.ts';
import type { Ability } from './types.ts';

/** A page loaded when first opened (`lazy(() => import('./page.tsx'))`): a route's first load carries only its own page. */
// biome-ignore lint/suspicious/noExplicitAny: a lazy page may take props (the shell passes none)
export type LazyPage = LazyExoticComponent<ComponentType<any>>;

/** Any one of a list is enough. */
export type AbilityRule = Ability | readonly Ability[];

/** A page of the staff app (index.html), under the signed-in layout. */
export interface StaffRoute {
  /** Relative to the root, as react-router writes it: 'grids', 'demands/:id'. */
  path: string;
  page: LazyPage;
  /** Who may open it; without one, every signed-in user. */
  ability?: AbilityRule;
}

/** An entry of the staff app's side menu. */
export interface MenuEntry {
  /** The address it opens ('/grids'); also its test id (menu-grids). */
  path: string;
  icon: ReactNode;
  /** i18n key of its label. */
  label: string;
  /** Who sees it; without one, everybody. */
  ability?: AbilityRule;
  /** Other address prefixes that belong to this entry (the compound pages to the territory entry). */
  also?: readonly string[];
}

/** A page of the resident app (m.html, antd-mobile), under /m/. */
export interface MobileRoute {
  /** Relative to /m/: 'demands', 'demands/:id'. */
  path: string;
  page: LazyPage;
  /** A tab in the bottom bar; the pages below its path (/m/demands/…) get a back arrow to it. */
  tab?: {
    /** i18n key of its title. */
    title: string;
    icon: ReactNode;
    /** A number on the tab (unread messages); a hook, called on every render of the bar. */
    useBadge?: () => number;
  };
  /**
   * A link on the home page instead of a tab, for pages a resident opens now and then (meeting
   * notices, ballots, the opinion map, resolutions): the bottom bar keeps five tabs at most. Pages
   * below its path get a back arrow to it; the page itself leads back home.
   */
  entry?: {
    /** i18n key of its title. */
    title: string;
    icon: ReactNode;
  };
}

/**
 * One module's part of the web app, exported by modules/<name>/web/index.ts and listed once in
 * apps/web/src/modules.ts. Keep the entry light: it is in the first load of both apps, so pages are
 * lazy and nothing here imports antd or antd-mobile (icons through lazyIcon, strings).
 */
export interface WebModule<Zh extends object = object> {
  /** The module's folder name (modules/<name>): its resident part is found by it. */
  name: string;
  /** Staff pages. */
  routes?: readonly StaffRoute[];
  /** Side-menu entries, in their order. */
  menu?: readonly MenuEntry[];
  /** The module's strings: Chinese in the first load, English on demand. */
  strings: ModuleStrings<Zh>;
}

/**
 * The resident part of a module (m.html, antd-mobile): `export const mobileWeb: MobileWebModule` in
 * modules/<name>/web/mobile.ts, found for every module of the list by the resident app alone. Kept
 * apart from the WebModule so that the staff app never reaches a resident page (and the resident
 * app keeps what its pages share in its own first chunk).
 */
export interface MobileWebModule {
  /** Pages under /m/ (signed in). */
  routes?: readonly MobileRoute[];
  /** A block on the resident home page, in the order of the module list. */
  home?: LazyPage;
  /** Pages that need no sign-in, at their full address ('/board/:tenantId/:communityId'). */
  publicRoutes?: readonly { path: string; page: LazyPage }[];
}
