import type { Language, SentimentLabel } from '../../../shared/domain/mention';

/** Why a mention got its priority: shown in the mention's detail so operators can trust the order. */
export interface PriorityFactor {
  factor: 'question' | 'complaint' | 'reach' | 'negative' | 'urgent';
  points: number;
  evidence: string;
}

export interface Priority {
  score: number;
  factors: PriorityFactor[];
}

const QUESTION_STARTS: Record<'nl' | 'en', RegExp> = {
  nl: /(^|[.!?]\s+|\n)(hoe|waarom|wanneer|wat|waar|wie|welke|hoelang|kan iemand|weet iemand|kunnen jullie|kunt u|is er|zijn er|heeft iemand|klopt het)\b/iu,
  en: /(^|[.!?]\s+|\n)(how|why|when|what|where|who|which|can anyone|does anyone|could you|can you|is there|are there|has anyone|is it true)\b/iu,
};

const COMPLAINT: Record<'nl' | 'en', RegExp> = {
  nl: /\b(storing|klacht|kapot|defect|werkt niet|doet het niet|alweer|al weken|al dagen|nog steeds|geen reactie|schandalig|belachelijk|onacceptabel|waardeloos|opgelicht|boos|teleurgesteld|overlast|gevaarlijk)\w*/iu,
  en: /\b(outage|complain|broken|not working|doesn'?t work|again|for weeks|for days|still|no response|disgrace|ridiculous|unacceptable|useless|scam|angry|disappointed|nuisance|dangerous)\w*/iu,
};

const URGENT: RegExp =
  /\b(spoed|dringend|urgent|noodgeval|emergency|gevaar|danger|brand|fire|ongeluk|accident|politie|police)\b/iu;

/**
 * Combines question detection, complaint words, reach and negative sentiment into 0..100, so the
 * inbox can put the mentions that need a person first. Each factor is capped; none decides alone.
 */
export function prioritize(input: {
  text: string;
  lang: Language | null;
  sentiment: SentimentLabel | null;
  sentimentScore: number | null;
  reach: number;
}): Priority {
  const factors: PriorityFactor[] = [];
  const langs: ('nl' | 'en')[] = input.lang === 'en' ? ['en', 'nl'] : ['nl', 'en'];

  const questionMark = input.text.includes('?');
  const interrogative = langs.map((lang) => input.text.match(QUESTION_STARTS[lang])).find(Boolean);
  if (questionMark || interrogative) {
    factors.push({
      factor: 'question',
      points: questionMark && interrogative ? 30 : 20,
      evidence: interrogative ? interrogative[2]!.toLowerCase() : '?',
    });
  }

  const complaint = langs.map((lang) => input.text.match(COMPLAINT[lang])).find(Boolean);
  if (complaint) factors.push({ factor: 'complaint', points: 20, evidence: complaint[0].toLowerCase() });

  const urgent = input.text.match(URGENT);
  if (urgent) factors.push({ factor: 'urgent', points: 15, evidence: urgent[0].toLowerCase() });

  if (input.reach >= 100) {
    // log10: 100 followers → 5 points, 10k → 15, 1M → 25
    const points = Math.min(25, Math.round((Math.log10(input.reach) - 1) * 5));
    factors.push({ factor: 'reach', points, evidence: `${input.reach} followers` });
  }

  if (input.sentiment === 'negative') {
    const strength = Math.min(1, Math.abs(input.sentimentScore ?? 0.5));
    factors.push({
      factor: 'negative',
      points: Math.round(10 + 15 * strength),
      evidence: `score ${(input.sentimentScore ?? 0).toFixed(2)}`,
    });
  }

  const score = Math.min(
    100,
    factors.reduce((sum, factor) => sum + factor.points, 0),
  );
  return { score, factors };
}
