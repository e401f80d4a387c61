import type { checkinsEn } from './checkins.en';

/** El registro diario (issue 10), en español; se incorpora a es.ts. Sin rachas ni puntajes: un día sin registro es solo un día. */
export const checkinsEs: Record<keyof typeof checkinsEn, string> = {
  'nav.checkIn': 'Mi día',
  'checkIn.heading': 'Registro diario',
  'checkIn.intro':
    'Un momento tranquilo para ti, una vez al día. Solo tú puedes ver tus registros. Aquí no hay rachas ni puntajes: cada día cuenta, también los difíciles.',
  'checkIn.signInFirst': 'Inicia sesión para llevar tus propios registros diarios.',
  'checkIn.mood': '¿Cómo te sientes hoy?',
  'checkIn.mood.1': 'Muy difícil',
  'checkIn.mood.2': 'Difícil',
  'checkIn.mood.3': 'Más o menos',
  'checkIn.mood.4': 'Bien',
  'checkIn.mood.5': 'Muy bien',
  'checkIn.intention': 'Una pequeña intención para hoy',
  'checkIn.intentionHint': 'Bastan unas palabras: "tomar agua", "llamar a mi hermana", "ir a mi reunión".',
  'checkIn.note': 'Una nota para ti (opcional)',
  'checkIn.share': 'Compartir también cómo me siento y mi intención en el hilo de registros de hoy',
  'checkIn.shareHint':
    'Lo que compartes pasa por la misma revisión automática que cualquier respuesta antes de que otras personas lo vean. Tu nota sigue siendo privada, a menos que marques la casilla de abajo.',
  'checkIn.shareNote': 'Incluir mi nota en la respuesta compartida',
  'checkIn.submit': 'Guardar mi registro',
  'checkIn.saved': 'Gracias por registrarte hoy. Quedó guardado en tu historial, aquí abajo.',
  'checkIn.checking': 'Estamos revisando tus palabras, como hacemos con cada publicación…',
  'checkIn.sharedLink': 'Ver el hilo de registros de hoy',
  'checkIn.notShared': 'Tu registro quedó guardado, pero ahora mismo no se pudo compartir en el hilo.',
  'checkIn.already': 'Ya hiciste tu registro de hoy. Mañana habrá uno nuevo.',
  'checkIn.doneToday': 'Ya hiciste tu registro de hoy. Vuelve mañana si quieres.',
  'checkIn.history': 'Tus registros',
  'checkIn.historyEmpty': 'Aquí aparecerán tus registros.',
  'checkIn.entryMood': 'Cómo se sintió el día: {mood}',
  'checkIn.entryIntention': 'Intención: {intention}',
  'checkIn.entryShared': 'Compartido en el hilo',
  'checkIn.thread': 'Hilo de registros de hoy',
  'notification.CHECK_IN_REVIEWED':
    'Una persona del equipo de moderación leyó tu registro. Sigue siendo privado: solo tú y el equipo de moderación pueden verlo.',
};
