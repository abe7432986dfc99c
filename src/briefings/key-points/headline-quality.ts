// Scores how well an entry headline works as a stand-alone bullet (0 = unusable, 1 = good).
import { isSkippedHeadline } from './eligibility.ts';
import { contentStems, wordCount } from './text.ts';

/** Quality of a headline as a bullet: informative length, content words, not media or a teaser. */
export function headlineQuality(headline: string): number {
  const h = headline.trim();
  if (!h || isSkippedHeadline(h)) return 0;
  const n = wordCount(h);
  const content = contentStems(h).length;
  if (content < 2 || n < 3) return 0.2;
  let q = 1;
  if (n > 22) q *= 0.8;
  if (/\?\s*$/u.test(h)) q *= 0.85;
  if (/^\s*(analysis|opinion|comment|explained|explainer|what we know|full report|q&a)\b/iu.test(h)) q *= 0.8;
  // Teasers for a list ("Five key priorities in Paris talks", "In five points: …") announce content, not news.
  if (
    /^\s*(?:in\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:(?:key|main|big|things|biggest|major)\s+)*(?:points?|things|priorities|promises|takeaways|questions|lessons|facts|moments|ways|reasons|demands)\b/iu.test(
      h,
    )
  )
    q *= 0.5;
  if (/\b(full report|as it happened|live updates?|latest)\s*$/iu.test(h)) q *= 0.9;
  return q;
}
