/**
 * The small closed word classes the sentiment scorer reasons with, per language: negators,
 * intensifiers and diminishers, contrast words, clause openers, multi-word expressions,
 * Dutch separable verbs and irony cues. Written for this project from general grammar
 * knowledge (VADER's published rules inspired the English booster and negation lists).
 */

export interface LanguageRules {
  /** Words that flip the valence of what follows in the same clause ("niet", "geen", "not"). */
  negators: ReadonlySet<string>;
  /** Words after which a following negator does not negate ("niet alleen … maar ook"). */
  negatorBreakers: ReadonlySet<string>;
  /** Multiplier for the next sentiment word: > 1 intensifies ("heel"), < 1 softens ("beetje"). */
  boosters: ReadonlyMap<string, number>;
  /** Words that shift weight to what follows them ("maar", "but"). */
  contrast: ReadonlySet<string>;
  /** Words that open a concessive clause whose sentiment counts less ("hoewel", "although"). */
  concessive: ReadonlySet<string>;
  /** Words that start a new clause, ending a negation's reach ("omdat", "because"). */
  clauseOpeners: ReadonlySet<string>;
  /**
   * Irrealis markers (modals, conditionals, wishes): sentiment after them in the clause is not a
   * statement of fact ("het moet beter", "if it were good") and counts for less (Taboada et al.,
   * SO-CAL, 2011).
   */
  irrealis: ReadonlySet<string>;
  /** Fixed expressions, matched on whole words, with their valence. */
  phrases: ReadonlyMap<string, number>;
  /** Separable verbs: a verb form with its particle later in the clause ("valt … tegen"). */
  separable: readonly { forms: ReadonlySet<string>; particle: string; reach: number; valence: number }[];
  /**
   * "te laat", "too slow": a degree word that says "more than wanted" makes a neutral or
   * negative adjective after it a complaint ("te gek", "te leuk" stay praise).
   */
  excess: ReadonlySet<string>;
  /** Adjectives that are neutral alone but a complaint after `excess` ("te lang", "too long"). */
  excessAdjectives: ReadonlySet<string>;
  /** Question words that make a question a complaint ("Waarom duurt het zo lang?"). */
  complaintQuestions: ReadonlySet<string>;
  /**
   * Words that carry sentiment only as a verb, licensed by the word before them: "I like it"
   * but not "like most films".
   */
  verbOnly: ReadonlyMap<string, ReadonlySet<string>>;
  /** Positive words that are often meant sarcastically ("lekker", "great") … */
  sarcasmProne: ReadonlySet<string>;
  /** … when one of these is in the post too ("weer", "again", "hoor"). */
  ironyCues: ReadonlySet<string>;
}

const words = (s: string) => new Set(s.trim().split(/\s+/));
const weighted = (s: string) =>
  new Map(
    s
      .trim()
      .split(/\s+/)
      .map((p) => {
        const at = p.lastIndexOf(':');
        return [p.slice(0, at).replace(/_/g, ' '), Number(p.slice(at + 1))] as [string, number];
      }),
  );
const forms = (s: string) => new Set(s.split(' '));

export const NL_RULES: LanguageRules = {
  negators: words('niet niets niks geen nooit niemand nergens noch zonder allerminst nimmer geeneens'),
  negatorBreakers: words('alleen enkel slechts'),
  boosters: weighted(`
    heel:1.3 erg:1.3 zeer:1.35 echt:1.2 super:1.4 hartstikke:1.4 ontzettend:1.4 enorm:1.35 vreselijk:1.4
    verschrikkelijk:1.4 extreem:1.4 bijzonder:1.25 uitermate:1.4 uiterst:1.4 zo:1.15 zó:1.3 veel:1.15 mega:1.4
    kei:1.4 bere:1.4 vet:1.3 keihard:1.3 totaal:1.25 compleet:1.25 volledig:1.2 absoluut:1.3 helemaal:1.3
    werkelijk:1.3 zwaar:1.3 kk:1.4 fucking:1.4 ongelofelijk:1.4 ongelooflijk:1.4 waanzinnig:1.4 onwijs:1.4
    mateloos:1.4 intens:1.3 behoorlijk:1.15 flink:1.2 wat:1.1 ernstig:1.3 diep:1.2 hoogst:1.3 bijzonder:1.2
    beetje:0.7 enigszins:0.6 redelijk:0.75 vrij:0.8 tamelijk:0.75 ietwat:0.6 ietsje:0.6 iets:0.8 licht:0.75
    lichtelijk:0.7 nauwelijks:0.5 amper:0.5 wellicht:0.85 misschien:0.85 mogelijk:0.85 best:0.9 minder:0.5
  `),
  contrast: words('maar doch echter'),
  concessive: words('hoewel alhoewel ondanks weliswaar ofschoon'),
  clauseOpeners: words('dat omdat want als wanneer waarom hoe terwijl zodat toen of en maar die welke wat'),
  irrealis: words('moet moeten moest moesten zou zouden zal zullen hoop hopelijk hopen indien mocht wil willen wens'),
  phrases: weighted(`
    hou_van:2.5 houd_van:2.5 houden_van:2 te_gek:2.5 goed_zo:2 goed_gedaan:2.5 goed_bezig:2 lekker_bezig:2
    goed_nieuws:2 kijk_uit_naar:1.5 zin_in:1.5 om_te_huilen:-2.5 om_te_janken:-2.5 niet_te_filmen:-2.2
    niet_te_doen:-1.8 niet_normaal:-1.5 naar_de_knoppen:-2 in_de_steek:-2 klaar_mee:-2 het_zat:-2 geen_zin:-1.5
    werkt_niet:-2 werken_niet:-2 werkte_niet:-2 doet_het_niet:-2 deed_het_niet:-2 doen_het_niet:-2 geen_bereik:-2
    geen_internet:-2 geen_stroom:-2 geen_verbinding:-2 geen_signaal:-2 te_laat:-1.8 op_tijd:0.8 gaat_niet_door:-1.5
    gaan_niet_door:-1.5 ging_niet_door:-1.5 geen_probleem:1 geen_dank:1.5 dank_je:2 dank_u:2 dank_jullie:2
    niks_mis_mee:1.2 niets_mis_mee:1.2 de_weg_kwijt:-1.5 ten_einde_raad:-2.5 op_de_been:0.5 rust_zacht:-1
    van_harte:1.5 veel_plezier:2 beter_worden:1 gaat_mis:-1.8 ging_mis:-1.8 loopt_mis:-1.8 liep_mis:-1.8
    de_mist_in:-2 wat_een_gedoe:-2 voor_niks:-1.2 voor_niets:-1.2 kan_niet_wachten:2 trots_op:2.2
    maak_me_zorgen:-1.5 maken_zich_zorgen:-1.5 maak_ik_me_zorgen:-1.5 zorgen_over:-1 nog_steeds_niet:-1.5
    nog_steeds_geen:-1.5 moet_beter:-1.2 kan_beter:-1.2 moet_anders:-1.2 kan_echt_niet:-2 kan_niet_zo:-1.5
    hoe_kan_het_dat:-1.5 hoe_is_het_mogelijk:-1.8 slaat_nergens_op:-2.2 slaat_kant_noch_wal:-2.2 schiet_niet_op:-1.5
    geen_woorden_voor:-2 te_gek_voor_woorden:-2.5 van_de_gekke:-2 bij_de_neus_genomen:-2.2 het_zoveelste:-1.2
    met_open_armen:1.5 een_pluim_voor:2.2 petje_af:2.2 hulde_aan:2.5 trots_dat:2 blij_dat:2 blij_mee:2
  `),
  verbOnly: new Map(),
  excess: words('te'),
  excessAdjectives:
    words(`laat lang veel weinig duur hoog laag klein groot druk vol warm koud traag langzaam vroeg zwaar
    moeilijk ingewikkeld krap smal breed ver vaag gevaarlijk snel hard zacht luid stil dik dun oud`),
  complaintQuestions: words('waarom hoezo'),
  separable: [
    { forms: forms('val valt viel vielen vallen'), particle: 'tegen', reach: 8, valence: -1.8 },
    { forms: forms('val valt viel vielen vallen'), particle: 'mee', reach: 6, valence: 1.2 },
    { forms: forms('raad raadt raden ried'), particle: 'aan', reach: 6, valence: 1.5 },
    { forms: forms('raad raadt raden ried'), particle: 'af', reach: 6, valence: -1.5 },
    { forms: forms('kijk kijkt kijken keek keken'), particle: 'uit', reach: 6, valence: 1.2 },
    { forms: forms('val valt viel vielen vallen'), particle: 'uit', reach: 6, valence: -1.5 },
    { forms: forms('loop loopt liep liepen lopen'), particle: 'vast', reach: 6, valence: -1.8 },
    { forms: forms('zeg zegt zei zeiden zeggen'), particle: 'af', reach: 6, valence: -1.2 },
    { forms: forms('werk werkt werkte werkten werken'), particle: 'tegen', reach: 6, valence: -1.5 },
    { forms: forms('hou houd houdt hield hielden houden'), particle: 'van', reach: 3, valence: 2.5 },
    { forms: forms('knap knapt knapte'), particle: 'af', reach: 6, valence: -1.5 },
    { forms: forms('zet zette zetten'), particle: 'af', reach: 4, valence: -1.2 },
    { forms: forms('laat laten liet lieten'), particle: 'steek', reach: 8, valence: -2 },
  ],
  sarcasmProne: words('lekker fijn top geweldig super heerlijk mooi prachtig leuk bedankt dank perfect gezellig'),
  ironyCues: words('weer alweer wéér hoor nou weereens ironie sarcasme not nietdus'),
};

export const EN_RULES: LanguageRules = {
  negators: words(`not no never nothing nobody none nor neither without nowhere cannot cant dont doesnt didnt isnt
    wasnt arent werent wont wouldnt shouldnt couldnt havent hasnt hadnt aint don't doesn't didn't isn't wasn't aren't
    weren't won't wouldn't shouldn't couldn't haven't hasn't hadn't ain't can't mustn't needn't lacks lacking`),
  negatorBreakers: words('only just doubt'),
  boosters: weighted(`
    absolutely:1.3 amazingly:1.3 awfully:1.3 completely:1.3 considerably:1.3 decidedly:1.3 deeply:1.3 effing:1.3
    enormously:1.3 entirely:1.3 especially:1.3 exceptionally:1.3 extremely:1.35 fabulously:1.3 flipping:1.3
    freaking:1.3 fricking:1.3 frigging:1.3 fully:1.3 fucking:1.35 greatly:1.3 hella:1.3 highly:1.3 hugely:1.3
    incredibly:1.35 intensely:1.3 majorly:1.3 more:1.15 most:1.3 particularly:1.3 purely:1.3 quite:1.15 really:1.3
    remarkably:1.3 so:1.3 substantially:1.3 thoroughly:1.3 totally:1.3 tremendously:1.3 uber:1.3 unbelievably:1.35
    unusually:1.3 utterly:1.3 very:1.3 super:1.3 truly:1.3 seriously:1.3 insanely:1.35 such:1.15 too:1.1
    almost:0.7 barely:0.6 hardly:0.6 kinda:0.7 kindof:0.7 less:0.6 little:0.75 marginally:0.7 occasionally:0.75
    partly:0.7 scarcely:0.6 slightly:0.7 somewhat:0.7 sorta:0.7 sortof:0.7 fairly:0.8 rather:0.85 pretty:1.1 bit:0.75
    maybe:0.85 perhaps:0.85 probably:0.9 somehow:0.85 mildly:0.7 moderately:0.8 terribly:1.3 frighteningly:1.3
    horribly:1.3 ridiculously:1.3 wickedly:1.3 damn:1.3 damned:1.3 bloody:1.3 crazy:1.2 dead:1.2 way:1.2
  `),
  contrast: words('but however yet'),
  concessive: words('although though despite whereas albeit'),
  clauseOpeners: words('that because which who when while whereas since and but or if unless until'),
  irrealis: words('should would could might must if hope hopefully wish ought unless'),
  phrases: weighted(`
    not_working:-2 doesn't_work:-2 does_not_work:-2 doesnt_work:-2 stopped_working:-2 no_signal:-2 waste_of:-2.5
    thanks_for_nothing:-2.5 well_done:2.5 good_job:2.5 great_job:2.8 look_forward:1.5 looking_forward:1.8
    can't_wait:2 cannot_wait:2 cant_wait:2 no_problem:1 no_worries:1 fed_up:-2 sick_of:-2.2 sick_and_tired:-2.5
    let_down:-2 falls_apart:-2 fell_apart:-2 out_of_order:-1.8 on_time:0.8 too_late:-1.5 rip_off:-2.5
    ripped_off:-2.5 must_see:2 must_have:1.5 a_must:2 fell_asleep:-1.5 worth_it:1.5 waste_of_time:-2.8
    waste_of_money:-2.8 kind_of:0 sort_of:0 at_all:0 the_bomb:2.5 pain_in_the:-2 over_the_top:-0.8
    whatever:-0.5 yeah_right:-1.5 not_even:-0.8 mind_blowing:2.5 top_notch:2.5 second_rate:-2 third_rate:-2.2
    run_of_the_mill:-1.2 falls_flat:-2 fall_flat:-2 fell_flat:-2 goes_nowhere:-2 going_nowhere:-1.8
    could_be_better:-1.2 should_be_better:-1.2 needs_improvement:-1.2
  `),
  excess: words('too'),
  excessAdjectives:
    words(`late long much many little few expensive high low small big busy full hot cold slow early hard
    difficult complicated tight narrow far vague dangerous fast loud quiet thick thin old pricey`),
  complaintQuestions: words('why'),
  verbOnly: new Map([
    [
      'like',
      words(`i you we they people kids really do dont don't didn't didnt would i'd we'd you'd also still just totally
        definitely actually genuinely will might should to not always never kinda sorta so`),
    ],
  ]),
  separable: [],
  sarcasmProne: words('great love lovely wonderful perfect thanks brilliant fantastic awesome nice fun'),
  ironyCues: words('again sarcasm'),
};

/** Hashtags and markers that say the post means the opposite of what it says. */
export const IRONY_MARKERS: ReadonlySet<string> = words('not sarcasm sarcasme ironie irony nietdus notreally');
