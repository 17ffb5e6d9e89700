import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabDef<K extends string> {
  key: K;
  label: ReactNode;
  panel: ReactNode;
}

/**
 * WAI-ARIA tabs (arrow keys, Home, End) in a few lines: the home page uses it instead of antd
 * Tabs, whose overflow menu and dropdown would triple the weight of the first page.
 */
export function Tabs<K extends string>({
  label,
  tabs,
  active,
  onChange,
}: {
  label: string;
  tabs: TabDef<K>[];
  active: K;
  onChange: (key: K) => void;
}) {
  const id = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const index = Math.max(
    0,
    tabs.findIndex((t) => t.key === active),
  );
  const current = tabs[index];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const last = tabs.length - 1;
    const next =
      e.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : e.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : -1;
    const tab = tabs[next];
    if (next < 0 || !tab) return;
    e.preventDefault();
    onChange(tab.key);
    refs.current[next]?.focus();
  };

  return (
    <div className="tb-tabs">
      <div role="tablist" aria-label={label} className="tb-tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((tab, i) => (
          <button
            key={tab.key}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.key}`}
            aria-selected={i === index}
            aria-controls={`${id}-panel`}
            tabIndex={i === index ? 0 : -1}
            className={i === index ? 'tb-tabs__tab is-active' : 'tb-tabs__tab'}
            onClick={() => onChange(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current ? (
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${current.key}`} className="tb-tabs__panel">
          {current.panel}
        </div>
      ) : null}
    </div>
  );
}
