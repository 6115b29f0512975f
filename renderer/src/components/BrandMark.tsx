import iconUrl from '../../../resources/icon.svg';

/** The Aftershock mark, the same drawing as the app icon. */
export function BrandMark({ size = 28 }: { size?: number }) {
  return <img src={iconUrl} width={size} height={size} alt="" />;
}
