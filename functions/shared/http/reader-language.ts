import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { ColleagueLanguage } from '../../templates/colleagues/colleague-words';

/**
 * The language a person reads a view in: `?lang=` where given, else the first of the request's
 * Accept-Language tags (by weight) that is Dutch or English, else Dutch.
 */
export function readerLanguage(
  lang: ColleagueLanguage | undefined,
  event: APIGatewayProxyEvent,
): ColleagueLanguage {
  if (lang) return lang;
  const header = Object.entries(event.headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'accept-language',
  )?.[1];
  const tags = (header ?? '')
    .split(',')
    .map((part, place) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), place };
    })
    .filter((tag) => tag.q > 0)
    .sort((a, b) => b.q - a.q || a.place - b.place);
  const known = tags.find((tag) => tag.primary === 'nl' || tag.primary === 'en');
  return (known?.primary as ColleagueLanguage | undefined) ?? 'nl';
}
