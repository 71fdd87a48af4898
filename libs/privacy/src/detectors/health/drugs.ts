import { wordList } from '../../text';

/**
 * Medications, shared by the four languages: generic names differ mostly in
 * their ending (atorvastatin, Atorvastatin, atorvastatine, atorvastatina), so
 * generics are matched by the stems of their international non-proprietary
 * names (`*statin` also catches a statin the list never heard of), brand
 * names by name.
 */
export const DRUGS = {
  strong: wordList(`
    # INN stems (any word ending so, at least two letters before; -e/-a/-o/-s endings are looked past)
    *pril, *sartan, *olol, *statin, *prazol, *azepam, *azolam, *oxetin, *triptan, *cillin, *cilin, *mycin, *micin,
    *cyclin, *ciclin, *floxacin, *dipin, *tadin, *tidin, *setron, *xaban, *gatran, *coxib, *gliptin, *gliflozin,
    *glutid, *lukast, *profen, *fenac, *parin, *triptylin, *peridol, *apin, *conazol, *nidazol, *prazol, *semid,
    *thiazid, *tiazid, *umab, *ximab, *zumab, *tinib, *ciclovir, *clovir, *amivir, *navir, *fovir, *tegravir,
    *methason, *metason, *nisolon, *nison, *pramin, *talopram, *faxin, *tralin, *codon, *morphon, *tanyl, *madol,
    *phetamin, *fetamin, *trozol, *dronat, *sulosin, *terol, *tropium, *gabalin, *pezil, *peridon, *racetam,
    *thyroxin, *tiroxin, *steron, *estradiol, *gestrel, *sulfan, *tretinoin, *fibrat,
    *oxicam, *benzaprin, *glitazon, *daron, *dilol, *furantoin, *sonid, *ticason, *fenadin, *clopramid, *tiazem,
    *pamil, *salazin, *salamin, *azathioprin, *chloroquin, *tirizin,
    # names
    acetaminophen, paracetamol, ibuprofen*, aspirin*, naproxen*, diclofenac*, metamizol*, novalgin, nolotil, tylenol,
    advil, motrin, nurofen, aleve, voltaren, doliprane, dafalgan, efferalgan, gelocatil, enantyum, codein*, tramadol,
    tilidin, oxycontin, percocet, vicodin, fentanyl*, morphin*, morfina, opioid*, opiat*, opiace*, opioide*,
    methadon*, metadona, suboxone, subutex, buprenorphin*, naloxon*, narcan, metformin*, glucophage, januvia,
    jardiance, ozempic, wegovy, mounjaro, trulicity, victoza, saxenda, semaglutid*, lantus, levemir, tresiba,
    novorapid, humalog, glucagon, lipitor, crestor, zocor, statin*, eliquis, xarelto, pradaxa, lixiana, plavix,
    clopidogrel*, warfarin*, coumadin, marcumar, sintrom, heparin*, norvasc, zestril, beloc, concor, lasix,
    spironolacton*, aldactone, synthroid, euthyrox, levothyrox*, eutirox, zoloft, prozac, lexapro, cipralex, celexa,
    paxil, deroxat, seroplex, effexor, cymbalta, wellbutrin, bupropion*, trintellix, brintellix, trazodon*, abilify,
    seroquel, zyprexa, risperdal, aripiprazol*, lamictal, lamotrigin*, depakote, depakine, valproat*, keppra,
    tegretol, lyrica, neurontin, gabapentin*, xanax, valium, ativan, tavor, klonopin, rivotril, lexomil, zolpidem,
    stilnox, zopiclon*, imovane, ambien, adderall, ritalin, concerta, vyvanse, elvanse, medikinet, strattera,
    methylphenidat*, metilfenidato, ventolin, salbutamol, symbicort, seretide, advair, spiriva, flovent, singulair,
    zyrtec, claritin, cetirizin*, benadryl, aerius, epipen, cortison*, corticoid*, hydrocortison*, nexium, prilosec,
    losec, pantozol, inexium, mopral, zantac, augmentin, amoxil, amoxicil*, penicil*, zithromax, cipro, bactrim,
    keflex, flagyl, diflucan, valtrex, aciclovir, acyclovir, tamiflu, paxlovid, truvada, descovy, biktarvy, genvoya,
    humira, enbrel, remicade, stelara, dupixent, keytruda, herceptin, tamoxifen*, arimidex, methotrexat*,
    metotrexato, viagra, sildenafil*, cialis, tadalafil*, levitra, finasterid*, propecia, accutane, roaccutane,
    yaz, yasmin, mirena, nuvaring, duphaston, utrogestan, clomid, prolia, fosamax, imigran, imitrex, naltrexon*,
    disulfiram, antabus, champix, chantix, vareniclin*, benzodiazepin*, ssri, ssris, antipsychoti*, neurolepti*,
    antiepilepti*, anticonvulsant*, lidocain*, bupivacain*, l thyroxin, pille danach, diazepam, lorazepam,
    alprazolam, clonazepam, bromazepam, sertralin*, fluoxetin*, paroxetin*, citalopram, escitalopram,
    venlafaxin*, duloxetin*, mirtazapin*, quetiapin*, olanzapin*, amlodipin*, lisinopril, ramipril, bisoprolol,
    metoprolol, propranolol, losartan, valsartan, furosemid*, omeprazol*, pantoprazol*, esomeprazol*, ibuprofeno,
    glipizid*, gliclazid*, glimepirid*, topiramat*, allopurinol, colchicin*, digoxin*, nitroglycerin*, modafinil,
    minoxidil, tirzepatid*, diphenhydramin*, promethazin*, hydroxyzin*, doxylamin*, loperamid*, domperidon*,
    prednison*, novaminsulfon, buscopan, imodium, iberogast, vomex, kardegic, spasfon, smecta, gaviscon, ventoline,
    voltarene, adiro, orfidal, trankimazin, lexatin, dormidina, frenadol, almax, augmentine, primperan, fortasec,
    xyzall, zaldiar, ixprim, lamaline,
    # taken with a dose
    {take} … mg, {take} … mcg
  `),
  weak: wordList(`
    lithium, litio, melatonin*, botox, nicorette, insulina, benzos, antiacido*, antacid*
  `),
};
