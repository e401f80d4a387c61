import type { connectionEn } from './connection.en';

/** Seguir, marcadores, silenciar y bloquear (issue 10), en español; se suma a es.ts. */
export const connectionEs: Record<keyof typeof connectionEn, string> = {
  'connection.follow': 'Seguir esta historia',
  'connection.following': 'Siguiendo',
  'connection.followHint': 'Te avisaremos cuando alguien responda aquí.',
  'connection.unfollow': 'Dejar de seguir',
  'connection.unfollowed': 'Ya no sigues esta historia.',
  'connection.bookmark': 'Guardar en marcadores',
  'connection.bookmarked': 'En tus marcadores',
  'connection.muteThread': 'Silenciar esta historia',
  'connection.unmuteThread': 'Dejar de silenciar esta historia',
  'connection.threadMuted': 'Silenciaste esta historia: no aparece en tu inicio y no te envía notificaciones.',
  'connection.muteSpace': 'Silenciar este espacio',
  'connection.unmuteSpace': 'Dejar de silenciar este espacio',
  'connection.spaceMuted': 'Silenciaste este espacio: sus historias no aparecen en tu inicio y no te envían notificaciones.',
  'connection.block': 'Bloquear a {pseudonym}',
  'connection.blockConfirm':
    '¿Bloquear a {pseudonym}? No verán las publicaciones ni las respuestas de la otra persona, y nadie recibirá avisos sobre la otra. No se le avisa. Puedes desbloquear desde la página de tu cuenta.',
  'connection.blockedHeading': 'Personas que bloqueaste',
  'connection.blockedIntro': 'Tú y estas personas no ven las publicaciones de la otra parte. No se les avisó.',
  'connection.blockedEmpty': 'No has bloqueado a nadie.',
  'connection.unblock': 'Desbloquear a {pseudonym}',
  'connection.saved.heading': 'Guardado',
  'connection.saved.bookmarks': 'Marcadores',
  'connection.saved.bookmarksIntro':
    'Las publicaciones que guardaste en marcadores, en cualquier dispositivo donde inicies sesión. Si una publicación se retira, sale de esta lista.',
  'connection.saved.bookmarksEmpty':
    'Aún no tienes marcadores. Elige "Guardar en marcadores" en una historia o una respuesta para tenerla aquí.',
  'connection.saved.replyIn': 'Respuesta en {title}',
  'connection.saved.remove': 'Quitar de marcadores',
  'notification.FOLLOWED_THREAD_REPLY': 'Hay una respuesta nueva en una historia que sigues:',
};
