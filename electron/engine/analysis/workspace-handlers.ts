import type { Handlers } from '../dispatcher';
import type { AnalysisService } from './workspace-service';

type AnalysisMethods =
  | 'mentions.explain'
  | 'mentions.correctSentiment'
  | 'lexicon.list'
  | 'lexicon.save'
  | 'lexicon.delete'
  | 'analysis.model'
  | 'analysis.rescore';

export function analysisHandlers(analysis: AnalysisService): Pick<Handlers, AnalysisMethods> {
  return {
    'mentions.explain': (input) => analysis.explain(input.id),
    'mentions.correctSentiment': (input) => analysis.correct(input),
    'lexicon.list': () => analysis.lexiconList(),
    'lexicon.save': (input) => analysis.lexiconSave(input),
    'lexicon.delete': (input) => analysis.lexiconDelete(input),
    'analysis.model': () => analysis.model(),
    'analysis.rescore': () => analysis.rescoreHistory(),
  };
}
