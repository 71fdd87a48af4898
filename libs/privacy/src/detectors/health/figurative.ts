/**
 * Figurative and technical uses of health words, in folded text: a health
 * finding that overlaps one of these is dropped ("a real headache for our IT
 * team", "pain point", "sick of waiting", "virus scan", "lithium battery",
 * "Das bereitet mir Kopfschmerzen", "es un dolor de cabeza"). Every
 * alternative is a plain sequence of words (no nested repetition), so the
 * pattern runs in linear time.
 */
const FIGURATIVE_SOURCES = [
  // English
  String.raw`pain points?`,
  String.raw`(?:is|s|was|be|been|such|what|bit of|total|real|royal)\s+(?:a\s+)?(?:real\s+|total\s+|royal\s+|huge\s+|big\s+)?pain`,
  String.raw`pain in the (?:neck|ass|butt|backside|arse)`,
  String.raw`growing pains`,
  String.raw`no pain,? no gain`,
  String.raw`(?:is|s|was|were|are|be|been|becoming|such|what|bit of|total|real)\s+(?:a\s+|an\s+)?(?:real\s+|total\s+|huge\s+|big\s+|massive\s+|major\s+|constant\s+|logistical\s+|administrative\s+|bureaucratic\s+)?headaches?`,
  String.raw`headaches?\s+for\s+(?:us|our|the|everyone|you|them|their|my team|it)`,
  String.raw`sick of`,
  String.raw`sick and tired`,
  String.raw`sick (?:deal|deals|price|prices|beat|trick|ride|view)`,
  String.raw`fever pitch`,
  String.raw`feverish(?:ly)? (?:about|over|with|to|activity|pace|speculation)`,
  String.raw`(?:cabin|spring|football|soccer|world cup|shopping|gold|election|holiday)\s+fever`,
  String.raw`(?:great|economic|tropical)\s+depression`,
  String.raw`depression[\s-]era`,
  String.raw`(?:market|economy|industry|sector)\s+(?:is\s+|was\s+)?(?:in\s+)?(?:a\s+)?depression`,
  String.raw`depressed (?:about|by|over) (?:the |our |these )?(?:numbers|results|sales|figures|news|market|prices)`,
  String.raw`retail therapy`,
  String.raw`analysis paralysis`,
  String.raw`stroke of (?:luck|genius|midnight|the pen)`,
  String.raw`(?:brush|pen|key|back|breast)\s?strokes?`,
  String.raw`rash (?:decision|decisions|move|choice|promise|statement)`,
  String.raw`bleeding (?:edge|money|cash|customers)`,
  String.raw`lump sums?`,
  String.raw`wound up`,
  String.raw`blind (?:spot|date|copy|test|tasting|carbon)`,
  String.raw`deaf ears`,
  String.raw`(?:asset|property|goods|customs|police|drug|data)\s+seizures?`,
  String.raw`seizures? of`,
  String.raw`(?:sql|code|fuel|dependency|script|prompt)\s+injections?`,
  String.raw`(?:network|traffic|server|road|port)\s+congestion`,
  String.raw`(?:malware|virus|ransomware|trojan|spyware|computer)\s+infections?`,
  String.raw`infected (?:file|files|computer|laptop|pc|device|email|server|with malware)`,
  String.raw`flu (?:shots?|jabs?|vaccines?|vaccinations?|season|clinics?)`,
  String.raw`lithium[\s-]+(?:ion|batter(?:y|ies)|polymer|akku|batterie|bateria|accu|cells?)`,
  String.raw`ms (?:office|teams|word|excel|outlook|access|sql|dos|edge|paint|project)`,
  String.raw`bee ?hives?`,
  String.raw`(?:gave|give|gives|nearly|almost)\s+(?:me\s+|us\s+|him\s+|her\s+)?(?:had\s+)?a heart attack`,
  String.raw`broken heart(?:ed)?`,
  String.raw`(?:not|isn.t|isnt|ain.t)\s+(?:exactly\s+)?brain surgery`,
  String.raw`anxious to`,
  String.raw`labou?r (?:law|laws|lawyer|costs?|market|unions?|relations|shortages?|rates?|party|day|force|dispute)`,
  String.raw`(?:my|her)\s+period\s+(?:of|for|to)`,
  String.raw`disability (?:insurance|cover|coverage|policy|policies)`,
  String.raw`(?:bot|chatbot|ai|model|llm|gpt|chatgpt|assistant|copilot)\s+(?:\w+\s+)?hallucinat\w*`,
  String.raw`hallucinat\w*\s+(?:answers?|facts?|responses?|links?|sources?|citations?|data|content|text)`,
  String.raw`(?:meal|test|exam|food)\s+prep`,
  String.raw`prep (?:time|work|course|school|cook)`,
  String.raw`diagnostic (?:tool|tools|mode|report|reports|code|codes|data|logs?|software|port|run)`,
  String.raw`(?:network|system|car|vehicle|engine|error|fault|remote|hardware|router|battery|self|pc)[\s-]diagnos\w*`,
  String.raw`(?:run|ran|runs|running) (?:a |the )?diagnostics?`,
  String.raw`allergic to (?:mondays|meetings|paperwork|bureaucracy|spam)`,
  String.raw`(?:cancer|autism|mental health|diabetes|aids|hiv|alzheimer.?s?)\s+(?:awareness|research|charity|fundraiser|walk|run)`,
  // Questions about a service, not about anyone's health: "how much is the COVID test?", "can I book a flu jab?"
  String.raw`(?:how much (?:is|are|does|do)|what does|price of|cost of|do you (?:offer|do|have|provide|sell|stock)|can (?:i|we) (?:get|book|buy)|where can (?:i|we) get)\s+(?:a |an |the )?(?:(?:covid|corona|pcr|antigen|rapid|flu|std|sti|hiv|pregnancy|blood|drug)\s+)?(?:tests?|testing|shots?|jabs?|vaccinations?|vaccines?|boosters?|screenings?)`,
  // German
  String.raw`(?:den\s+)?ausschlag (?:gegeben|geben|gab|gibt)`,
  String.raw`(?:macht|machen|bereitet|bereiten|bereitete|machte)\s+(?:mir|uns|ihm|ihr|ihnen)\s+(?:echte\s+|gro(?:ss|ß)e\s+|ziemliche\s+)?kopfschmerzen`,
  String.raw`grippe[\s-]*(?:impfung|impfungen|schutzimpfung|saison|welle)`,
  String.raw`lithium[\s-]*(?:akku|batterie)`,
  String.raw`krank vor (?:sorge|sorgen|angst|eifersucht|heimweh|sehnsucht|wut)`,
  // French
  String.raw`fracture (?:numerique|sociale)`,
  String.raw`diagnostics? (?:immobiliers?|energetique|de performance|techniques?|amiante|plomb|gaz|electrique|termites)`,
  String.raw`operee?s? par`,
  String.raw`pas mal de`,
  String.raw`batterie au lithium`,
  String.raw`(?:fichiers?|air) comprimes?`,
  String.raw`casse[\s-]tete`,
  String.raw`(?:bug|probleme|truc|dossier|site|logiciel|formulaire)\s+me\s+donne\s+(?:mal a la tete|la migraine)`,
  // Spanish
  String.raw`(?:es|era|sera|fue|un|menudo|vaya)\s+(?:un\s+)?(?:verdadero\s+|autentico\s+)?dolor de cabeza`,
  String.raw`dolor de cabeza (?:para|con)`,
  String.raw`me duele (?:mucho )?que`,
  String.raw`pastillas? (?:de freno|para (?:el )?lavavajillas|de jabon|de cloro)`,
  String.raw`(?:archivos?|aire|ficheros?) comprimidos?`,
  String.raw`jarabe de (?:arce|agave|fresa|chocolate)`,
  String.raw`operad[oa]s? por`,
  String.raw`bateria de litio`,
];

const FIGURATIVE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${FIGURATIVE_SOURCES.join('|')})(?![\\p{L}\\p{N}])`, 'gu');

/**
 * Laughter and joking emoji mark a sentence as banter: "das macht mich krank 😅", "j'ai failli faire une crise
 * cardiaque mdr", "casi me da un infarto jajaja". In such a sentence the words people exaggerate with (being
 * sick, dying, a heart attack, a stroke, a heart attack's cousins in four languages) are figurative, unless the
 * sentence also says something clinical (a diagnosis, a doctor, a medicine, a hospital).
 */
const LAUGHTER =
  /(?<![\p{L}])(?:l+o+l+|lmao+|rofl|(?:ha){2,}h?|(?:he){2,}h?|(?:hi){2,}|(?:ja){2,}j?|(?:je){2,}|(?:ji){2,}|mdr+|ptdr+|xd+|kek)(?![\p{L}])|[\u{1F602}\u{1F923}\u{1F605}\u{1F606}\u{1F639}\u{1F648}\u{1F643}\u{1F61C}\u{1F61D}\u{1F61B}\u{1F92A}\u{1F609}]/iu;
const EXAGGERATION =
  /(?<![\p{L}])(?:sick|ill|dying|die|died|dead|heart\s+attack|stroke|krank|sterbe\w*|tot|herzinfarkt|herzkasper|infarkt|malade|mourir|meurs|mort[e]?|crise\s+cardiaque|infarctus|avc|enferm[oa]|morir\w*|muero|muerto|infarto|ataque\s+al\s+corazon|paro\s+cardiaco)(?![\p{L}])/giu;
const CLINICAL =
  /(?<![\p{L}])(?:diagnos\w*|doctor|dr|arzt|arztin|medecin|medico|hospital|krankenhaus|hopital|clinic|klinik|clinique|clinica|prescri\w*|verschrieb\w*|rezept|ordonnance|receta|tablets?|pills?|tabletten|medikament\w*|medicament\w*|medicamento\w*|therapy|therapie|terapia)(?![\p{L}])/iu;

function jokingSpans(folded: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const sentence of folded.matchAll(/[^.!?\n]+[.!?\n]*/g)) {
    const text = sentence[0];
    if (!LAUGHTER.test(text) || CLINICAL.test(text)) continue;
    for (const word of text.matchAll(EXAGGERATION)) {
      const start = sentence.index + word.index;
      spans.push([start, start + word[0].length]);
    }
  }
  return spans;
}

/** The [start, end) spans of figurative uses in a folded text. */
export function figurativeSpans(folded: string): [number, number][] {
  const spans: [number, number][] = jokingSpans(folded);
  FIGURATIVE.lastIndex = 0;
  for (let match = FIGURATIVE.exec(folded); match; match = FIGURATIVE.exec(folded)) {
    spans.push([match.index, match.index + match[0].length]);
    if (match[0].length === 0) FIGURATIVE.lastIndex++;
  }
  return spans;
}
