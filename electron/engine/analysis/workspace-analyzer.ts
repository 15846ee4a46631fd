/**
 * The engine's analyzer for this workspace: the built-in lexicons, the workspace lexicon on top, and
 * the model learnt from corrections. The ingest pipeline asks it about every new mention; when the
 * lexicon or the corrections change, `relearn` builds a new analyzer and new mentions use it at once.
 */
import type { Language } from '../../../shared/domain/mention';
import type { Db } from '../store/db';
import {
  createAnalyzer,
  type Analysis,
  type Analyzer,
  type AnalyzerOptions,
  type AdaptiveJSON,
  type Explanation,
} from './index';
import { WorkspaceLexicon } from './workspace-lexicon';
import { WorkspaceModel } from './workspace-model';

export interface WorkspaceAnalyzerOptions {
  /** Language for posts with no words to tell by (see AnalyzerOptions.fallbackLanguage). */
  fallbackLanguage?: 'nl' | 'en';
}

export class WorkspaceAnalyzer {
  readonly lexicon: WorkspaceLexicon;
  readonly model: WorkspaceModel;
  private current: Analyzer;
  private currentOptions: AnalyzerOptions = {};

  constructor(
    db: Db,
    private readonly settings: WorkspaceAnalyzerOptions = {},
  ) {
    this.lexicon = new WorkspaceLexicon(db);
    this.model = new WorkspaceModel(db);
    const stored = this.model.stored();
    if (stored) this.current = this.build(this.lexicon.overrides(), stored);
    else if (this.model.status().corrections > 0) this.current = this.relearn();
    else this.current = this.build(this.lexicon.overrides(), null);
  }

  analyze(text: string, langHint?: Language | null): Analysis {
    return this.current.analyze(text, langHint ?? undefined);
  }

  explain(text: string, langHint?: Language | null): Explanation {
    return this.current.explain(text, langHint ?? undefined);
  }

  /**
   * What the current analyzer was built from, as plain data: `createAnalyzer(options())` elsewhere (the
   * import's worker thread) answers exactly as this analyzer does.
   */
  options(): AnalyzerOptions {
    return this.currentOptions;
  }

  /** Re-reads the workspace lexicon, retrains the model on every correction, and switches to the result. */
  relearn(): Analyzer {
    const overrides = this.lexicon.overrides();
    const model = this.model.retrain(this.build(overrides, null));
    this.current = this.build(overrides, model.toJSON());
    return this.current;
  }

  private build(overrides: Map<string, number>, adaptive: AdaptiveJSON | null): Analyzer {
    const options: AnalyzerOptions = { overrides, adaptive, fallbackLanguage: this.settings.fallbackLanguage };
    const analyzer = createAnalyzer(options);
    this.currentOptions = options;
    return analyzer;
  }
}
