import { wordList } from '../../text';

/** Named word sets the health terms refer to as `{name}`, per language (folded). */
const SETS = {
  body_en: `head, back, neck, chest, stomach, tummy, belly, abdomen, knee, knees, hip, hips, shoulder, shoulders, leg, legs,
    arm, arms, foot, feet, ankle, ankles, wrist, wrists, elbow, elbows, hand, hands, finger, fingers, toe, toes, tooth,
    teeth, jaw, ear, ears, eye, eyes, throat, joint, joints, muscle, muscles, spine, heart, kidney, kidneys, liver, lung,
    lungs, skin, bladder, breast, breasts, pelvis, groin, gums, sinus, sinuses, bowel, bowels, colon, prostate, ovary,
    ovaries, uterus, thyroid, rib, ribs, thigh, calf, calves, heel, shin, tailbone, lower back, collarbone, skull, brain, gallbladder, appendix,
    spleen, tonsils, womb, cervix, pancreas`,
  body_de: `kopf, rucken, nacken, hals, brust, bauch, magen, knie, hufte, schulter, schultern, bein, beine, arm, arme, fuss,
    fusse, knochel, handgelenk, ellbogen, ellenbogen, hand, hande, finger, zeh, zehen, zahn, zahne, kiefer, ohr, ohren,
    auge, augen, gelenk, gelenke, muskel, muskeln, wirbelsaule, herz, niere, nieren, leber, lunge, haut, blase,
    unterleib, darm, gebarmutter, eierstock, prostata, schilddruse, rippe, rippen, oberschenkel, wade, ferse, steiss,
    schienbein, schlusselbein, becken, kreuz, lende, leiste, sprunggelenk, kniegelenk, huftgelenk, brustkorb, glieder,
    galle, gallenblase, mandeln, blinddarm, meniskus, bandscheibe`,
  body_fr: `tete, dos, ventre, estomac, gorge, genou, genoux, hanche, hanches, epaule, epaules, jambe, jambes, bras, pied,
    pieds, cheville, chevilles, poignet, poignets, coude, coudes, main, mains, doigt, doigts, orteil, orteils, dent, dents,
    machoire, oreille, oreilles, oeil, yeux, nuque, cou, poitrine, coeur, rein, reins, foie, poumon, poumons, peau,
    vessie, articulation, articulations, muscle, muscles, colonne, dos, sein, seins, bassin, cote, cotes, cuisse, mollet,
    talon, clavicule, crane, intestin, intestins, uterus, ovaire, ovaires, prostate, thyroide, lombaires, cervicales`,
  body_es: `cabeza, espalda, cuello, pecho, estomago, barriga, tripa, vientre, abdomen, rodilla, rodillas, cadera, caderas,
    hombro, hombros, pierna, piernas, brazo, brazos, pie, pies, tobillo, tobillos, codo, codos, mano, manos, dedo, dedos,
    muela, muelas, diente, dientes, mandibula, oido, oidos, oreja, orejas, ojo, ojos, garganta, articulacion,
    articulaciones, musculo, musculos, columna, corazon, rinon, rinones, higado, pulmon, pulmones, piel, vejiga, pelvis,
    costilla, costillas, muslo, gemelo, talon, clavicula, craneo, intestino, utero, ovario, ovarios, prostata, tiroides,
    lumbares, cervicales, ingle`,
  person_en: `son, daughter, wife, husband, partner, child, kid, baby, mom, mum, mother, dad, father, brother, sister,
    grandma, grandmother, grandpa, grandfather, boyfriend, girlfriend, fiance, fiancee, aunt, uncle, nephew, niece,
    toddler, newborn, stepson, stepdaughter, he, she, i`,
  doctor_en: `doctor, doc, gp, physician, specialist, surgeon, cardiologist, oncologist, neurologist, dermatologist,
    gynecologist, gynaecologist, obgyn, urologist, psychiatrist, psychologist, therapist, pediatrician, paediatrician,
    rheumatologist, endocrinologist, gastroenterologist, midwife, nurse, consultant, dentist, orthopedist, dr`,
  told_en: `said, says, told, prescribed, put, recommended, wants, thinks, referred, suspects, ordered, diagnosed, found,
    advised, increased, changed, doubled, upped, confirmed, signed, gave`,
  doctor_de: `arzt, arztin, hausarzt, hausarztin, kinderarzt, kinderarztin, frauenarzt, frauenarztin, gynakologe,
    gynakologin, orthopade, orthopadin, kardiologe, kardiologin, neurologe, neurologin, onkologe, onkologin, psychiater,
    psychiaterin, psychologe, psychologin, therapeut, therapeutin, urologe, hautarzt, hautarztin, zahnarzt, zahnarztin,
    facharzt, facharztin, internist, chirurg, hebamme, doktor, doktorin, psychotherapeut, psychotherapeutin`,
  told_de: `hat, sagt, meint, sagte, meinte, verschrieb, verschreibt, empfiehlt, empfahl, vermutet, will, stellte,
    diagnostizierte, uberwies, erhohte`,
  doctor_fr: `medecin, docteur, generaliste, cardiologue, gyneco, gynecologue, psychiatre, psychologue, dentiste, kine,
    kinesitherapeute, dermatologue, dermato, neurologue, oncologue, rhumatologue, endocrinologue, pneumologue, urologue,
    chirurgien, pediatre, ophtalmo, ophtalmologue, orl, infirmiere, psy, traitant`,
  told_fr: `dit, a, m, pense, veut, prescrit, conseille, recommande, suspecte, soupconne, diagnostique, trouve, augmente,
    change, arrete, envoye`,
  doctor_es: `medico, medica, doctor, doctora, cardiologo, cardiologa, ginecologo, ginecologa, psiquiatra, psicologo,
    psicologa, dentista, fisio, fisioterapeuta, dermatologo, dermatologa, neurologo, neurologa, oncologo, oncologa,
    reumatologo, endocrino, endocrina, neumologo, urologo, cirujano, cirujana, pediatra, oftalmologo, matrona, enfermera,
    traumatologo, digestivo, cabecera`,
  told_es: `dijo, dice, cree, piensa, quiere, receto, recomendo, recomienda, sospecha, diagnostico, mando, subio, cambio,
    me, le, ha, confirmo`,
  be_fr: 'suis, es, est, etais, etait, sommes, serais, tombee, etre, soit, redevenue',
  take: `take, taking, took, takes, prescribed, inject, injecting, nehme, nehmen, nimmt, nahm, einnehmen, spritze,
    verschrieben, verordnet, prends, prend, prenons, prendre, pris, prescrit, prescrits, tomo, toma, tomar, tomando,
    tome, tomaba, recetado, recetaron, pincho`,
  pill: `pill, pills, tablets, capsule, capsules, drops, puffs, dose, doses, dosage, tablette, tabletten, pille,
    pillen, kapsel, kapseln, tropfen, hub, hube, dosis, comprime, comprimes, gelule, gelules, pilule, pilules, gouttes,
    bouffees, pastilla, pastillas, capsula, capsulas, comprimido, comprimidos, gotas, inhalaciones, sobres`,
  times: '1x, 2x, 3x, 4x, einmal, zweimal, dreimal, viermal',
};

export type WordSetName = keyof typeof SETS;

export const WORD_SETS = {} as Record<WordSetName, ReadonlySet<string>>;
for (const name of Object.keys(SETS) as WordSetName[]) WORD_SETS[name] = new Set(wordList(SETS[name]));

/**
 * Words that make a message about someone in particular (me, my son, ich,
 * meine, je, mon, yo, tengo…): a weak term ("therapy", "wheelchair",
 * "Tabletten") counts only near one of them, so "Do you sell wheelchairs?"
 * stays clean while "my wife uses a wheelchair" does not.
 */
export const PERSONAL_MARKERS: ReadonlySet<string> = new Set(
  wordList(`
    i, me, my, mine, myself, he, she, his, her, him, hers, son, daughter, wife, husband, mom, mum, dad, mother, father,
    baby, boyfriend, girlfriend, grandma, grandpa, sister, brother,
    ich, mir, mich, mein, meine, meinen, meinem, meiner, meines, er, ihm, ihn, sein, seine, seinem, seinen, seiner,
    sohn, tochter, mutter, vater, kind, oma, opa, bruder, schwester, ehemann, ehefrau, freundin,
    je, j, moi, mon, ma, mes, lui, fils, fille, mari, mere, pere, enfant, bebe, conjoint, conjointe,
    yo, mi, mis, conmigo, tengo, estoy, soy, sufro, padezco, tomo, uso, llevo, necesito, hijo, hija, esposa, esposo, marido, madre, padre,
    mama, papa, abuela, abuelo, hermano, hermana, novio, novia`),
);
