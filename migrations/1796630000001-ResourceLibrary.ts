import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The resource library (src/resources): admins keep it, everyone reads it signed out. The
 * rows are public content, so every change notifies `kindred_public_content` (the function
 * made by PublicContentChanged) and empties the anonymous response cache.
 *
 * Seeded with a first library in English and Spanish, written for Kindred. Facts as of
 * writing (United States): naloxone nasal spray is sold without a prescription; buprenorphine
 * may be prescribed by any clinician with a DEA registration (no separate waiver since 2023);
 * the SAMHSA National Helpline and 988 answer in English and Spanish. Admins correct and extend
 * these through the API, as they would any later entry.
 */
interface SeedResource {
  topic: string;
  title: string;
  body: string;
  url: string | null;
  contact: string | null;
}

const EN: SeedResource[] = [
  {
    topic: 'CRISIS',
    title: 'If someone may be overdosing: call 911',
    body:
      'Signs include blue or gray lips, slow or stopped breathing, gurgling, and not waking up when you shout or rub their breastbone. ' +
      'Call 911, give naloxone if you have it, and stay with them. Most states have Good Samaritan laws that protect people who call for help during an overdose.',
    url: null,
    contact: 'Call 911',
  },
  {
    topic: 'CRISIS',
    title: '988 Suicide & Crisis Lifeline',
    body:
      'Free and confidential, any hour of any day, for thoughts of suicide, a mental health crisis or a substance use crisis, for you or for someone you care about. ' +
      'Press 2 for Spanish when you call.',
    url: 'https://988lifeline.org',
    contact: 'Call or text 988',
  },
  {
    topic: 'CRISIS',
    title: 'Crisis Text Line',
    body: 'A trained volunteer answers by text, day or night, whatever the crisis.',
    url: 'https://www.crisistextline.org',
    contact: 'Text HOME to 741741',
  },
  {
    topic: 'CRISIS',
    title: 'Never Use Alone',
    body: 'If you are going to use, you can call this line first. Someone stays on the phone with you, never judges, and sends help to your location if you stop responding.',
    url: 'https://neverusealone.com',
    contact: '1-800-484-3731',
  },
  {
    topic: 'MEDICATION',
    title: 'Medications for opioid use disorder (MOUD)',
    body:
      'Three medications are approved in the United States: methadone, buprenorphine (including Suboxone and monthly injections) and extended-release naltrexone (Vivitrol). ' +
      'They lower cravings and withdrawal and greatly reduce the risk of dying from an overdose. Taking one as prescribed is recovery, not a shortcut. ' +
      'How much to take and when is a decision for you and your prescriber, never for a forum.',
    url: null,
    contact: null,
  },
  {
    topic: 'MEDICATION',
    title: 'Where to get buprenorphine',
    body:
      'Since 2023 any doctor, nurse practitioner or physician assistant who can prescribe controlled medications can prescribe buprenorphine, with no special waiver. ' +
      'Ask your primary care clinician, an urgent care or emergency department, or a telehealth program. FindTreatment.gov lets you search for places that offer it.',
    url: 'https://findtreatment.gov',
    contact: null,
  },
  {
    topic: 'MEDICATION',
    title: 'Where to get methadone',
    body:
      'Methadone for opioid use disorder is given at licensed opioid treatment programs (OTPs). Many start with daily visits and allow take-home doses over time. ' +
      'Search FindTreatment.gov for programs near you, or call the SAMHSA National Helpline for a referral.',
    url: 'https://findtreatment.gov',
    contact: 'SAMHSA National Helpline: 1-800-662-4357',
  },
  {
    topic: 'MEDICATION',
    title: 'Extended-release naltrexone',
    body:
      'A monthly injection that blocks the effects of opioids. It is started only after opioids have cleared the body, usually 7 to 10 days without them, ' +
      'so talk with a clinician about how to get there safely. After stopping, tolerance is lower and overdose risk is higher.',
    url: null,
    contact: null,
  },
  {
    topic: 'PRESCRIBER_QUESTIONS',
    title: 'Questions to ask your prescriber',
    body:
      'Bring these to your next visit, or ask the pharmacist:\n' +
      '- Which medication fits me best, and why?\n' +
      '- How will we find the right dose, and what should I do if I still have cravings or withdrawal?\n' +
      '- What should I do if I miss a dose, or take one late?\n' +
      '- Which other medicines, alcohol or drugs are risky to combine with it?\n' +
      '- What side effects should I watch for, and when should I call you?\n' +
      '- How long might I stay on it, and how would we decide together to change or stop?\n' +
      '- How do I get refills or take-home doses when I travel or my schedule changes?\n' +
      '- Should I keep naloxone at home, and can you prescribe it?',
    url: null,
    contact: null,
  },
  {
    topic: 'NALOXONE',
    title: 'Naloxone (Narcan) reverses opioid overdoses',
    body:
      'Naloxone nasal spray is sold without a prescription at pharmacies and many stores, and health departments and harm reduction programs often give it away free. ' +
      'It is safe to give even if you are not sure it is an opioid overdose.',
    url: null,
    contact: null,
  },
  {
    topic: 'NALOXONE',
    title: 'How to respond to an overdose',
    body:
      '1. Try to wake them: shout their name and rub your knuckles hard on their breastbone.\n' +
      '2. Call 911.\n' +
      '3. Give naloxone: one spray in one nostril.\n' +
      '4. Support their breathing with rescue breaths if you know how.\n' +
      '5. If there is no response after 2 to 3 minutes, give a second dose.\n' +
      '6. Put them in the recovery position, on their side, and stay with them: naloxone can wear off before the opioid does.',
    url: null,
    contact: null,
  },
  {
    topic: 'TEST_STRIPS',
    title: 'Fentanyl test strips',
    body:
      'Test strips show whether fentanyl is in a drug before it is used. Dissolve a small amount in water, dip the strip and wait a few minutes; follow the instructions that come with the strips, because brands read differently. ' +
      'A negative result does not mean a drug is safe: fentanyl can be spread unevenly, and the strips do not detect other substances such as xylazine. ' +
      'Many harm reduction programs and health departments give them out free, and they are legal in most states.',
    url: null,
    contact: null,
  },
  {
    topic: 'TEST_STRIPS',
    title: 'Using more safely',
    body: 'Carry naloxone, start with a small amount, do not use alone, and if you do, call Never Use Alone first (1-800-484-3731).',
    url: 'https://neverusealone.com',
    contact: null,
  },
  {
    topic: 'TREATMENT',
    title: 'FindTreatment.gov',
    body:
      "The federal government's confidential search for licensed treatment for substance use and mental health. " +
      'Filter by the medications a place offers, the payment it accepts (including Medicaid and sliding fees) and the languages it speaks.',
    url: 'https://findtreatment.gov',
    contact: null,
  },
  {
    topic: 'TREATMENT',
    title: 'SAMHSA National Helpline',
    body:
      'Free, confidential treatment referral and information, 24 hours a day, every day of the year, in English and Spanish. ' +
      'They can point you to local treatment, support groups and community organizations, including if you have no insurance.',
    url: null,
    contact: '1-800-662-4357 (1-800-662-HELP)',
  },
  {
    topic: 'FAMILY_SUPPORT',
    title: 'Support for families and friends',
    body:
      'Loving someone who uses opioids is hard, and you deserve support too. ' +
      'Nar-Anon and SMART Recovery Family & Friends hold meetings in person and online for people affected by a loved one’s substance use. ' +
      'Approaches such as CRAFT teach ways to stay connected and encourage treatment without blame.',
    url: 'https://www.nar-anon.org',
    contact: null,
  },
  {
    topic: 'FAMILY_SUPPORT',
    title: 'Keep naloxone at home',
    body: 'If someone you love uses opioids or takes them as medication, keeping naloxone where everyone can find it is one of the most useful things you can do.',
    url: null,
    contact: null,
  },
];

const ES: SeedResource[] = [
  {
    topic: 'CRISIS',
    title: 'Si alguien puede estar teniendo una sobredosis: llama al 911',
    body:
      'Las señales incluyen labios azules o grises, respiración lenta o detenida, ronquidos o gorgoteos, y que no despierte aunque le grites o le frotes el esternón. ' +
      'Llama al 911, dale naloxona si la tienes y quédate a su lado. La mayoría de los estados tienen leyes del Buen Samaritano que protegen a quien pide ayuda ante una sobredosis.',
    url: null,
    contact: 'Llama al 911',
  },
  {
    topic: 'CRISIS',
    title: '988 Línea de Prevención del Suicidio y Crisis',
    body:
      'Gratuita y confidencial, a cualquier hora y cualquier día, si tienes pensamientos de suicidio o vives una crisis de salud mental o de consumo de sustancias, tú o alguien a quien quieres. ' +
      'Al llamar, marca 2 para hablar en español. También puedes enviar la palabra AYUDA por mensaje de texto al 988.',
    url: 'https://988lifeline.org',
    contact: 'Llama al 988 y marca 2',
  },
  {
    topic: 'CRISIS',
    title: 'Never Use Alone (Nunca consumas solo)',
    body: 'Si vas a consumir, puedes llamar antes a esta línea. Alguien se queda al teléfono contigo, sin juzgarte, y envía ayuda a donde estés si dejas de responder.',
    url: 'https://neverusealone.com',
    contact: '1-800-484-3731',
  },
  {
    topic: 'MEDICATION',
    title: 'Medicamentos para el trastorno por consumo de opioides (MOUD)',
    body:
      'En Estados Unidos hay tres medicamentos aprobados: la metadona, la buprenorfina (incluidos Suboxone y las inyecciones mensuales) y la naltrexona de liberación prolongada (Vivitrol). ' +
      'Reducen los antojos y la abstinencia, y bajan mucho el riesgo de morir por sobredosis. Tomarlos como te los recetaron es recuperación, no un atajo. ' +
      'Cuánto tomar y cuándo es una decisión entre tú y quien te los receta, nunca de un foro.',
    url: null,
    contact: null,
  },
  {
    topic: 'MEDICATION',
    title: 'Dónde conseguir buprenorfina',
    body:
      'Desde 2023, cualquier médico, enfermero practicante o asistente médico que pueda recetar medicamentos controlados puede recetar buprenorfina, sin un permiso especial. ' +
      'Pregunta a tu médico de cabecera, en una clínica de atención urgente, en la sala de emergencias o en un programa de telesalud. En FindTreatment.gov puedes buscar lugares que la ofrecen.',
    url: 'https://findtreatment.gov',
    contact: null,
  },
  {
    topic: 'MEDICATION',
    title: 'Dónde conseguir metadona',
    body:
      'La metadona para el trastorno por consumo de opioides se da en programas autorizados de tratamiento de opioides (OTP). Muchos empiezan con visitas diarias y con el tiempo permiten dosis para llevar a casa. ' +
      'Busca programas cercanos en FindTreatment.gov o llama a la Línea Nacional de Ayuda de SAMHSA para que te orienten.',
    url: 'https://findtreatment.gov',
    contact: 'Línea Nacional de Ayuda de SAMHSA: 1-800-662-4357',
  },
  {
    topic: 'MEDICATION',
    title: 'Naltrexona de liberación prolongada',
    body:
      'Una inyección mensual que bloquea los efectos de los opioides. Solo se empieza cuando el cuerpo ya no tiene opioides, normalmente después de 7 a 10 días sin ellos, ' +
      'así que habla con un profesional de salud sobre cómo llegar ahí de forma segura. Después de dejarla, la tolerancia es menor y el riesgo de sobredosis es mayor.',
    url: null,
    contact: null,
  },
  {
    topic: 'PRESCRIBER_QUESTIONS',
    title: 'Preguntas para quien te receta',
    body:
      'Llévalas a tu próxima consulta, o pregúntale al farmacéutico:\n' +
      '- ¿Qué medicamento es el más adecuado para mí, y por qué?\n' +
      '- ¿Cómo encontraremos la dosis correcta, y qué hago si sigo teniendo antojos o abstinencia?\n' +
      '- ¿Qué hago si me salto una dosis o la tomo tarde?\n' +
      '- ¿Qué otros medicamentos, alcohol o drogas son peligrosos de combinar con este?\n' +
      '- ¿Qué efectos secundarios debo vigilar y cuándo debo llamarte?\n' +
      '- ¿Cuánto tiempo podría tomarlo, y cómo decidiríamos juntos cambiarlo o dejarlo?\n' +
      '- ¿Cómo consigo más medicamento o dosis para llevar si viajo o cambia mi horario?\n' +
      '- ¿Debo tener naloxona en casa, y me la puedes recetar?',
    url: null,
    contact: null,
  },
  {
    topic: 'NALOXONE',
    title: 'La naloxona (Narcan) revierte las sobredosis de opioides',
    body:
      'La naloxona en aerosol nasal se vende sin receta en farmacias y muchas tiendas, y los departamentos de salud y los programas de reducción de daños a menudo la regalan. ' +
      'Es segura aunque no sepas con certeza si se trata de una sobredosis de opioides.',
    url: null,
    contact: null,
  },
  {
    topic: 'NALOXONE',
    title: 'Cómo responder a una sobredosis',
    body:
      '1. Intenta despertarle: grita su nombre y frótale el esternón con fuerza con los nudillos.\n' +
      '2. Llama al 911.\n' +
      '3. Dale naloxona: una aplicación en una fosa nasal.\n' +
      '4. Ayúdale a respirar con respiraciones de rescate si sabes hacerlo.\n' +
      '5. Si no responde después de 2 a 3 minutos, dale una segunda dosis.\n' +
      '6. Ponle en posición de recuperación, de lado, y quédate a su lado: la naloxona puede dejar de hacer efecto antes que el opioide.',
    url: null,
    contact: null,
  },
  {
    topic: 'TEST_STRIPS',
    title: 'Tiras reactivas de fentanilo',
    body:
      'Las tiras muestran si una droga contiene fentanilo antes de consumirla. Disuelve una pequeña cantidad en agua, sumerge la tira y espera unos minutos; sigue las instrucciones de las tiras, porque cada marca se lee de forma distinta. ' +
      'Un resultado negativo no significa que la droga sea segura: el fentanilo puede estar repartido de forma desigual y las tiras no detectan otras sustancias como la xilacina. ' +
      'Muchos programas de reducción de daños y departamentos de salud las dan gratis, y son legales en la mayoría de los estados.',
    url: null,
    contact: null,
  },
  {
    topic: 'TREATMENT',
    title: 'FindTreatment.gov',
    body:
      'El buscador confidencial del gobierno federal de tratamientos autorizados para el consumo de sustancias y la salud mental. ' +
      'Puedes filtrar por los medicamentos que ofrece cada lugar, los pagos que acepta (incluidos Medicaid y tarifas según ingresos) y los idiomas que habla.',
    url: 'https://findtreatment.gov',
    contact: null,
  },
  {
    topic: 'TREATMENT',
    title: 'Línea Nacional de Ayuda de SAMHSA',
    body:
      'Orientación e información sobre tratamiento, gratuita y confidencial, las 24 horas, todos los días del año, en inglés y en español. ' +
      'Te pueden indicar tratamientos, grupos de apoyo y organizaciones de tu zona, también si no tienes seguro médico.',
    url: null,
    contact: '1-800-662-4357 (1-800-662-HELP)',
  },
  {
    topic: 'FAMILY_SUPPORT',
    title: 'Apoyo para familiares y amistades',
    body:
      'Querer a alguien que consume opioides es difícil, y tú también mereces apoyo. ' +
      'Nar-Anon y SMART Recovery Family & Friends tienen reuniones presenciales y en línea para personas afectadas por el consumo de un ser querido; pregunta por grupos en español. ' +
      'Enfoques como CRAFT enseñan a mantener el vínculo y animar al tratamiento sin culpas.',
    url: 'https://www.nar-anon.org',
    contact: null,
  },
];

export class ResourceLibrary1796630000001 implements MigrationInterface {
  name = 'ResourceLibrary1796630000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resource (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic text NOT NULL,
        locale text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        url text,
        contact text,
        position integer NOT NULL DEFAULT 0,
        retired_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resource_locale_topic_position_idx ON resource (locale, topic, position)`);
    await q.query(`
      CREATE TRIGGER resource_public_content_changed
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON resource
        FOR EACH STATEMENT EXECUTE FUNCTION notify_public_content_changed()`);

    for (const [locale, entries] of [
      ['EN', EN],
      ['ES', ES],
    ] as const) {
      // Positions within a topic, in steps of ten so an admin's first insertions need no renumbering.
      const seen = new Map<string, number>();
      for (const entry of entries) {
        const position = (seen.get(entry.topic) ?? 0) + 10;
        seen.set(entry.topic, position);
        await q.query(`INSERT INTO resource (topic, locale, title, body, url, contact, position) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
          entry.topic,
          locale,
          entry.title,
          entry.body,
          entry.url,
          entry.contact,
          position,
        ]);
      }
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS resource`);
  }
}
