import { wordList } from '../../text';
import { WORD_SETS } from './word-sets';

/**
 * Word endings that make a medical word in any of the four languages, so a
 * condition or procedure nobody listed is still found: -itis (Bronchitis,
 * sinusitis), -osis, -ectomy/-ektomie/-ectomie/-ectomía, -algia/-algie,
 * -pathy/-pathie/-patía, -emia/-ämie/-émie, German compound heads
 * (Blasenentzündung, Herzerkrankung, Bauchschmerzen). "-ose" alone would
 * catch "purpose" and "Steckdose", so only its medical stems are listed.
 */
export const MEDICAL_ENDINGS = {
  strong: wordList(`
    *itis, *osis, *ectomy, *ectomie, *ektomie, *ectomia, *ostomy, *otomy, *algia, *algie, *pathy, *pathie, *patia,
    *plegia, *plegie, *plejia, *phobia, *phobie, *fobia, *cemia, *caemia, *nemia, *naemia, *kemia, *kaemia, *lemia,
    *uremia, *lipidemia, *cemie, *nemie, *kemie, *lemie, *uremie, *lipidemie, *amie, *arthrose, *thrombose,
    *sklerose, *sclerose, *skoliose, *scoliose, *neurose, *nevrose, *psychose, *fibrose, *zirrhose, *cirrhose,
    *stenose, *kulose, *porose, *mykose, *mycose, *dermatose, *nekrose, *necrose, *endometriose, *borreliose,
    *entzundung, *erkrankung, *krankheit, *infektion, *insuffizienz, *schmerzen, *schmerz, *syndrom, *syndrome,
    *sindrome, *karzinom, *carcinoma, *carcinome, *melanom, *melanoma, *melanome, *lymphom, *lymphoma, *lymphome,
    *linfoma, *sarkom, *sarcoma, *sarcome, *myelom, *myeloma, *mielom, *mieloma, *glioma, *gliom, *adenom,
    *adenoma, *adenome, *blastom, *blastoma, *hamatom, *hematoma, *hematome, *aneurysma, *aneurysm, *aneurisma,
    *thrombosis, *trombosis, *infarkt, *tumor, *tumeur, *tumour, *cancer, *krebs, *allergie, *allergy, *alergia,
    *diabetes, *diabetiker, *therapie, *therapy, *terapia, *therapeut, *skopie, *scopie, *scopy, *scopia,
    *plastie, *plasty, *plastia, *transplantation, *implantat
  `),
  weak: [],
};

/** Look-alikes the endings above would otherwise catch. */
export const NOT_MEDICAL: ReadonlySet<string> = new Set(
  wordList(`
    nostalgia, nostalgie, nostalgias, nostalgies, osmosis, hypnosis, metamorphosis, symbiosis, apotheosis, dichotomy,
    empathy, sympathy, apathy, telepathy, antipathy, sympathie, empathie, apathie, telepathie, antipathie, simpatia,
    empatia, apatia, telepatia, antipatia, homophobia, homofobia, homophobie, xenophobia, xenofobia, xenophobie,
    transphobia, transfobia, infamie, polygamie, bigamie, monogamie, kooperation, weltschmerz, trennungsschmerz,
    trennungsschmerzen, abschiedsschmerz, liebesschmerz, arbeitsanfall, wutanfall, verkehrsinfarkt, flusskrebs,
    taschenkrebs, einsiedlerkrebs, mikroskopie, spektroskopie, microscopy, spectroscopy, microscopie,
    spectroscopie, microscopia, espectroscopia, kinderkrankheit, kinderkrankheiten, cholesterol, unison,
    hospitality, hospitalite, hospitalidad, aromatherapy, aromatherapie, aromaterapia, herzschmerz
  `),
);

/** German compound heads that mean an injury or a procedure when the word starts with a body part (Kniegelenk-OP). */
const BODY_HEADS = wordList(`
  verletzung, bruch, op, operation, prellung, zerrung, verstauchung, entzundung, infektion, krebs, schmerzen, schmerz,
  prothese, schwellung, fraktur, riss, spiegelung, ultraschall, tumor, probleme, beschwerden, transplantation
`);
const LINKERS = ['', 's', 'n', 'en', 'e', 'es'];
/** The first three letters of the body parts: most words fail this before any suffix is tried. */
const BODY_STARTS = new Set([...WORD_SETS.body_de].map((part) => part.slice(0, 3)));

/** Knieverletzung, Beinbruch, Handgelenksbruch, Hüft-OP written as one word. */
export function isBodyCompound(word: string): boolean {
  if (word.length < 6 || !BODY_STARTS.has(word.slice(0, 3))) return false;
  for (const head of BODY_HEADS) {
    if (word.length <= head.length + 2 || !word.endsWith(head)) continue;
    const stem = word.slice(0, -head.length);
    for (const linker of LINKERS) {
      if (stem.endsWith(linker) && WORD_SETS.body_de.has(stem.slice(0, stem.length - linker.length))) return true;
    }
  }
  return false;
}
