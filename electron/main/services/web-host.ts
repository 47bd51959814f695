// The site an item's first address names, for list-row monograms and health findings.
import { withScheme } from '../../../shared/web-address';

/** "github.com" from "https://www.github.com/login" or "github.com"; '' when there is no host. */
export function hostOf(address: string | undefined): string {
  if (!address) return '';
  try {
    return new URL(withScheme(address)).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
