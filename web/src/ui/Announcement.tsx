/** A polite live region for "done" messages after a step; hidden while empty. */
export function Announcement({ children }: { children: string }) {
  return (
    <p role="status" aria-live="polite" className="tb-text-green tb-announce">
      {children}
    </p>
  );
}
