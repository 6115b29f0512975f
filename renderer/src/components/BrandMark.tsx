/** The Aftershock mark: a shock wave across a rounded square. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#13233f" />
      <polyline
        points="3,17 9,17 12,11 15,23 18,6 21,26 24,15 29,15"
        fill="none"
        stroke="#f59e0b"
        strokeWidth="2.4"
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
