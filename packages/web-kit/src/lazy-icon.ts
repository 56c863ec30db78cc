import { type ComponentType, createElement, lazy, type ReactNode, Suspense } from 'react';

/**
 * A menu or tab icon that loads with its own small chunk: `lazyIcon(() => import('@ant-design/icons/es/icons/TableOutlined'))`.
 * Module entries are in the first load of both apps (staff and resident), so they name their icons
 * this way instead of importing them: neither app carries the other's icons. Until it arrives, an
 * empty box of the icon's size keeps the label in place.
 */
export function lazyIcon(load: () => Promise<{ default: ComponentType }>): ReactNode {
  const Icon = lazy(load);
  return createElement(
    Suspense,
    { fallback: createElement('span', { className: 'anticon', style: { display: 'inline-block', width: '1em', height: '1em' } }) },
    createElement(Icon),
  );
}
