import { wordList } from '../../text';

/** Spanish health terms (folded: ñ→n, á→a). */
export const SPANISH = {
  strong: wordList(`
    # enfermedades
    diabet*, hipertension, tension alta, presion alta, tension baja, asma, epoc, bronquitis, neumonia, pulmonia,
    tuberculosis, cancer*, tumor*, leucemia, linfoma, melanoma, carcinoma, metastasis, quimio, quimioterapia,
    radioterapia, depresion, ansiedad, ataque de ansiedad, ataques de ansiedad, ataque de panico, ataques de panico,
    crisis de ansiedad, crisis de panico, trastorno* de, trastorno* del, trastorno mental, trastorno bipolar,
    trastorno obsesivo, trastorno alimentario, trastornos alimentarios, bipolar, esquizofren*, psicosis, tdah, autis*, asperger, tept,
    estres postraumatico, anorexi*, bulimi*, suicid*, quitarme la vida, autolesion*, insomnio, apnea del sueno,
    burnout, sindrome de burnout, alcoholismo, drogadiccion, demencia, alzheimer*, parkinson*, epileps*,
    epileptic*, convulsion*, migrana*, ictus, derrame cerebral, infarto*, ataque al corazon, ataque cardiaco,
    insuficiencia cardiaca, arritmia*, fibrilacion auricular, angina de pecho, anginas, marcapasos, stent,
    trombosis, embolia, aneurisma, varices, anemia, hemofilia, lupus, celiaqu*, intolerancia al gluten,
    intolerancia a la lactosa, intolerante a la lactosa, colon irritable, crohn, colitis, reflujo, ardor de estomago,
    ulcera*, calculos renales, calculos biliares, piedras en el rinon, colico nefritico, insuficiencia renal, dialisis,
    cirrosis, higado graso, hepatitis, pancreatitis, hernia*, hemorroides, estrenimiento, estrenid*, diarrea*,
    gastroenteritis, intoxicacion alimentaria, apendicitis, infeccion de orina, infeccion urinaria, cistitis,
    candidiasis, ^ets, ^its, clamidia, gonorrea, sifilis, herpes, vph, papiloma*, vih, ^sida, seropositiv*, covid*,
    resfriad*, constipad*, catarro, dolor de garganta, amigdalitis, faringitis, sinusitis, otitis, conjuntivitis,
    varicela, sarampion, paperas, tosferina, escarlatina, mononucleosis, sepsis, meningitis, eccema, dermatitis,
    psoriasis, urticaria, herpes zoster, culebrilla, sarna, artrosis, artritis, osteoporosis, fibromialgia,
    escoliosis, ciatica, lumbago, lumbalgia, hernia discal, tunel carpiano, tendinitis, esguince*, fractura*,
    luxacion, conmocion cerebral, traumatismo craneal, torticolis, glaucoma, sordera, ceguera, acufeno*, tinnitus,
    vertigo*, mareo*, mareado, mareada, hipotiroidismo, hipertiroidismo, hashimoto, ovario poliquistico,
    ovarios poliquisticos, endometriosis, disfuncion erectil, infertilidad, aborto, embarazad*, semanas de embarazo,
    meses de embarazo, cesarea, fecundacion in vitro, reproduccion asistida, fiv, pildora del dia despues, obesidad,
    paralitic*, paralisis, paraplejic*, tetraplejic*, amputad*, amputacion, sindrome de down, dislexia,
    grado de discapacidad, certificado de discapacidad, alergi*, alergico*, anafilax*, choque anafilactico,
    fibrosis quistica, esclerosis multiple, tiroides,
    # síntomas
    fiebre, nausea*, ganas de vomitar, vomit*, falta de aire, me ahogo, dolor en el pecho, dolor toracico,
    opresion en el pecho, palpitaciones, dolor de cabeza, dolores de cabeza, me duele*, le duele*, me dolia*,
    dolor de {body_es}, dolores de {body_es}, dolor en el {body_es}, dolor en la {body_es}, dolor en los {body_es},
    dolor en las {body_es}, dolor fuerte, dolor cronico, me rompi el {body_es}, me rompi la {body_es},
    se rompio el {body_es}, se rompio la {body_es}, roto el {body_es}, rota la {body_es}, fractura de {body_es}, sarpullido, sangrado*, sangre en, hemorragi*,
    desmay*, perdi el conocimiento, sudores nocturnos, congestion nasal, moqueo, tos seca, tengo tos, con tos,
    tengo fiebre, teng* gripe, teng* la gripe, tien* gripe, tien* la gripe, con gripe, pill* la gripe,
    crisis asmatica, ataque de asma, ataque epileptico,
    # tratamientos
    insulina, antibiotico*, antidepresivo*, ansiolitico*, anticoagulante*, corticoide*, baja medica, parte de baja,
    mi {doctor_es} {told_es}, su {doctor_es} {told_es}, me operaron, le operaron, la operaron, lo operaron,
    me van a operar, me tienen que operar, intervencion quirurgica, receta medica, bulto en el {body_es},
    bulto en la {body_es}, biopsia, resonancia, ^tac, radiografia, mamografia, colonoscopia,
    endoscopia, gastroscopia, analisis de sangre, electrocardiograma, trasplante, fisioterapia, psicoterapia,
    psiquiatr*, hospitalizad*, est* ingresad*, *ectomia, diagnos*, implante dental, endodoncia, {take} … {pill},
    estoy enfermo, estoy enferma, esta enfermo, esta enferma, estoy malo, estoy mala, me encuentro mal,
    di positivo, dio positivo, he dado positivo, ha dado positivo, dado positivo en, test positivo, prueba positiva,
    estoy de baja, esta de baja, de baja medica, azucar alto, azucar alta, tengo el azucar, mi glucosa,
    la glucosa alta, glucemia, hemoglobina glicosilada, hba1c, acabo de dar a luz, di a luz, con quimio,
    # encontrarse mal
    no me encuentro bien, no me siento bien, me encuentro fatal, me siento fatal, estoy pachuch*, estoy malit*,
    tengo la tension, tiene la tension, mi tension, tension arterial, en tratamiento por, en tratamiento con,
    estoy en tratamiento, esta en tratamiento,
    # regla y parto
    bajado la regla, baja la regla, mi regla, tengo la regla, con la regla, retraso de la regla, retraso menstrual,
    venido la regla, venido el periodo, menstruacion, dolores menstruales, roto aguas, rompi aguas, romper aguas,
    rompio aguas, epidural, *eclampsia, buscando un bebe, buscando quedarme embarazada,
    # salud mental
    brote psicotico, alucinacion*, oigo voces, cambios de humor, crisis nerviosa, ataque de nervios,
    trastorno limite, trastorno borderline, tiene borderline, tengo borderline,
    # lesiones
    torcido el {body_es}, torcido la {body_es}, quem* la {body_es}, quem* el {body_es}, corte la {body_es},
    corte el {body_es}, corte en la {body_es}, corte en el {body_es}, disloque el {body_es}, enfermo terminal,
    enferma terminal, en coma, bebe prematur*, nacio prematur*, nacido prematur*, nacida prematur*
  `),
  weak: wordList(`
    colesterol, deprimid*, adiccion*, alcoholico, tos, piojos, contractura, cataratas, sordo, sorda, audifono*,
    ciego, ciega, menopausia, impotencia, esteril, embarazo, parto, matrona, ginecolog*, ecografia, anticonceptiv*,
    diu, lactancia, sobrepeso, silla de ruedas, discapacidad, minusvalia, intolerancia*, dolor, dolores, duele,
    me torci, erupcion, picor*, picazon, hinchad*, hinchazon, entumecid*, hormigueo, cansancio, agotamiento,
    mocos, medicamento*, medicacion, pastilla*, pildora*, comprimido*, jarabe, somnifero*,
    antiinflamatorio*, vacuna*, baja laboral, certificado medico, operad*, cirugia,
    rayos x, ecografia, analitica, rehabilitacion, terapia, terapeuta, psicologo, psicologa, en urgencias, en la uci,
    en el hospital, empaste, ortodoncia, brackets, enfermo, enferma, enfermedad, {times} al dia, veces al dia,
    sufro de, sufre de, padezco, padece, infeccion, cada … horas,
    problemas de salud, salud mental, enfermedad mental, cuidados paliativos, andador, muleta*,
    contracciones, quemadura*, cardiolog*, oncolog*, neurolog*, urolog*, endocrino, endocrina,
    reumatolog*, gastroenterolog*, traumatolog*, dermatolog*, neumolog*, nefrolog*, hematolog*, alergolog*
  `),
};
