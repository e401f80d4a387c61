import type { reportsEn } from './reports.en';

/** Las palabras de la biblioteca de recursos, las respuestas a reportes y el aviso sobre dosis; se incluyen en es.ts. Con "tú". */
export const reportsEs: Record<keyof typeof reportsEn, string> = {
  'nav.resources': 'Recursos',
  'notification.REPORT_ANSWERED':
    'El equipo de moderación revisó una publicación que reportaste. En “Tus reportes”, en tu cuenta, verás qué pasó.',
  'notification.REPORT_ANSWERED.ACTED_ON':
    'El equipo de moderación revisó una publicación que reportaste y tomó medidas. Gracias por cuidar de esta comunidad.',
  'notification.REPORT_ANSWERED.LEFT_UP':
    'El equipo de moderación revisó una publicación que reportaste y decidió dejarla publicada. Gracias por decirlo; si algo te sigue preocupando, puedes reportarla de nuevo.',
  'notification.REPORT_ANSWERED.POST_GONE': 'Una publicación que reportaste ya no está en Kindred. Gracias por avisarnos.',

  'resources.heading': 'Recursos',
  'resources.intro':
    'Ayuda de confianza, al día gracias a quienes administran Kindred: medicamentos para el trastorno por consumo de opioides, naloxona, tiras reactivas, tratamiento, apoyo para familias y líneas de crisis.',
  'resources.emergency': 'Si alguien puede estar teniendo una sobredosis o está en peligro ahora mismo, llama al 911.',
  'resources.empty': 'Todavía no hay recursos aquí.',
  'resources.showAll': 'Ver todos los temas',
  'resources.inEnglish': 'Aún sin traducir; se muestra en inglés.',
  'resources.website': 'Sitio web',
  'resources.manage': 'Administrar recursos',
  'resources.topic.CRISIS': 'En una crisis',
  'resources.topic.MEDICATION': 'Medicamentos para el trastorno por consumo de opioides (MOUD)',
  'resources.topic.PRESCRIBER_QUESTIONS': 'Preguntas para quien te receta',
  'resources.topic.NALOXONE': 'Naloxona y cómo responder a una sobredosis',
  'resources.topic.TEST_STRIPS': 'Tiras reactivas de fentanilo',
  'resources.topic.TREATMENT': 'Encontrar tratamiento',
  'resources.topic.FAMILY_SUPPORT': 'Para familias y amistades',

  'resourcesAdmin.heading': 'Administrar recursos',
  'resourcesAdmin.adminsOnly': 'Solo quienes administran Kindred pueden cambiar la biblioteca de recursos.',
  'resourcesAdmin.new': 'Agregar un recurso',
  'resourcesAdmin.edit': 'Editar',
  'resourcesAdmin.save': 'Guardar',
  'resourcesAdmin.saved': 'Guardado.',
  'resourcesAdmin.retire': 'Retirar',
  'resourcesAdmin.restore': 'Volver a mostrar',
  'resourcesAdmin.retired': 'Retirado',
  'resourcesAdmin.moveUp': 'Subir',
  'resourcesAdmin.moveDown': 'Bajar',
  'resourcesAdmin.topic': 'Tema',
  'resourcesAdmin.locale': 'Idioma',
  'resourcesAdmin.title': 'Título',
  'resourcesAdmin.body': 'Texto (un salto de línea empieza un párrafo o un punto de la lista)',
  'resourcesAdmin.url': 'Enlace (https:// o http://, opcional)',
  'resourcesAdmin.contact': 'Teléfono o contacto (opcional)',
  'resourcesAdmin.locale.EN': 'Inglés',
  'resourcesAdmin.locale.ES': 'Español',

  'myReports.heading': 'Tus reportes',
  'myReports.intro':
    'Qué pasó con las publicaciones que reportaste. Para cuidar la privacidad de todas las personas, solo te contamos si el equipo de moderación tomó medidas, nunca detalles sobre la otra persona.',
  'myReports.empty': 'No has reportado ninguna publicación.',
  'myReports.reported': 'Motivo del reporte: {reason}',
  'myReports.status.SUBMITTED': 'Recibido: el equipo de moderación lo revisará',
  'myReports.status.ACTED_ON': 'Revisado: el equipo de moderación tomó medidas',
  'myReports.status.LEFT_UP': 'Revisado: la publicación sigue visible',
  'myReports.status.POST_GONE': 'La publicación ya no está en Kindred',
  'myReports.viewPost': 'Ver la publicación',
  'myReports.postGone': 'La publicación ya no se muestra.',

  'dosing.heading': 'Preguntas sobre tu medicamento',
  'dosing.intro':
    'Aquí no podemos compartir consejos sobre dosis, porque la cantidad correcta es distinta para cada persona y un error puede ser peligroso. Quien te receta o tu farmacéutico pueden responderte con seguridad, y estas páginas te pueden ayudar:',
  'dosing.medication': 'Medicamentos para el trastorno por consumo de opioides y dónde conseguirlos',
  'dosing.questions': 'Preguntas para quien te receta',
};
