/**
 * The built-in emergency messages in the seven languages, worded as a UN venue would put them up:
 * one instruction in capitals, then what to do, calmly, with no alarm words that add nothing.
 * English is what migration 5 seeded (staff may since have edited it in the database); the other
 * languages are the defaults until staff edit them. Arabic and Chinese are addressed to everyone
 * (plural imperative, polite 请), as public notices are.
 */
import type { Language } from '../../shared/languages.ts';
import type { TemplateWording } from '../../shared/commands.ts';

export interface BuiltInTemplate {
  id: string;
  /** Order in the panel; the rows migration 5 seeded are 1–3. */
  seq: number;
  wording: Record<Language, TemplateWording>;
}

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    id: 'evacuation',
    seq: 1,
    wording: {
      en: {
        label: 'Evacuation',
        text: 'EVACUATE THE BUILDING NOW. Leave by the nearest exit. Do not use the lifts.',
      },
      fr: {
        label: 'Évacuation',
        text: 'ÉVACUEZ LE BÂTIMENT IMMÉDIATEMENT. Sortez par la sortie la plus proche. N’utilisez pas les ascenseurs.',
      },
      es: {
        label: 'Evacuación',
        text: 'EVACÚEN EL EDIFICIO AHORA. Salgan por la salida más cercana. No utilicen los ascensores.',
      },
      ru: {
        label: 'Эвакуация',
        text: 'НЕМЕДЛЕННО ПОКИНЬТЕ ЗДАНИЕ. Выходите через ближайший выход. Не пользуйтесь лифтами.',
      },
      zh: { label: '疏散', text: '请立即撤离大楼。请从最近的出口离开。请勿乘坐电梯。' },
      ar: { label: 'إخلاء', text: 'أخلوا المبنى الآن. غادروا من أقرب مخرج. لا تستخدموا المصاعد.' },
      de: {
        label: 'Evakuierung',
        text: 'VERLASSEN SIE SOFORT DAS GEBÄUDE. Nehmen Sie den nächstgelegenen Ausgang. Benutzen Sie keine Aufzüge.',
      },
    },
  },
  {
    id: 'shelter',
    seq: 2,
    wording: {
      en: {
        label: 'Shelter in place',
        text: 'SHELTER IN PLACE. Stay inside, away from windows, and follow staff instructions.',
      },
      fr: {
        label: 'Mise à l’abri',
        text: 'MISE À L’ABRI. Restez à l’intérieur, à l’écart des fenêtres, et suivez les instructions du personnel.',
      },
      es: {
        label: 'Refugio en el lugar',
        text: 'PERMANEZCAN EN EL INTERIOR. Manténganse lejos de las ventanas y sigan las instrucciones del personal.',
      },
      ru: {
        label: 'Укрытие на месте',
        text: 'ОСТАВАЙТЕСЬ В ЗДАНИИ. Держитесь подальше от окон и следуйте указаниям персонала.',
      },
      zh: { label: '就地避险', text: '请就地避险。请留在室内，远离窗户，并听从工作人员的指示。' },
      ar: {
        label: 'الاحتماء في المكان',
        text: 'احتموا في أماكنكم. ابقوا في الداخل بعيدًا عن النوافذ، واتبعوا تعليمات الموظفين.',
      },
      de: {
        label: 'Schutz im Gebäude',
        text: 'BLEIBEN SIE IM GEBÄUDE. Halten Sie sich von Fenstern fern und folgen Sie den Anweisungen des Personals.',
      },
    },
  },
  {
    id: 'all-clear',
    seq: 3,
    wording: {
      en: { label: 'All clear', text: 'ALL CLEAR. The emergency is over; sessions resume shortly.' },
      fr: {
        label: 'Fin d’alerte',
        text: 'FIN DE L’ALERTE. La situation d’urgence est terminée ; les séances reprennent sous peu.',
      },
      es: {
        label: 'Fin de la alerta',
        text: 'FIN DE LA ALERTA. La emergencia ha terminado; las sesiones se reanudarán en breve.',
      },
      ru: {
        label: 'Отбой тревоги',
        text: 'ОТБОЙ ТРЕВОГИ. Чрезвычайная ситуация миновала; заседания скоро возобновятся.',
      },
      zh: { label: '解除警报', text: '警报解除。紧急情况已经结束，会议即将恢复。' },
      ar: { label: 'انتهاء الإنذار', text: 'انتهى الإنذار. انتهت حالة الطوارئ، وستُستأنف الجلسات قريبًا.' },
      de: {
        label: 'Entwarnung',
        text: 'ENTWARNUNG. Der Notfall ist vorüber; die Sitzungen werden in Kürze fortgesetzt.',
      },
    },
  },
  {
    id: 'suspended',
    seq: 4,
    wording: {
      en: {
        label: 'Meetings suspended',
        text: 'MEETINGS SUSPENDED. All meetings are suspended until further notice. Please remain calm and follow staff instructions.',
      },
      fr: {
        label: 'Séances suspendues',
        text: 'SÉANCES SUSPENDUES. Toutes les séances sont suspendues jusqu’à nouvel ordre. Veuillez garder votre calme et suivre les instructions du personnel.',
      },
      es: {
        label: 'Sesiones suspendidas',
        text: 'SESIONES SUSPENDIDAS. Todas las sesiones quedan suspendidas hasta nuevo aviso. Mantengan la calma y sigan las instrucciones del personal.',
      },
      ru: {
        label: 'Заседания приостановлены',
        text: 'ЗАСЕДАНИЯ ПРИОСТАНОВЛЕНЫ. Все заседания приостановлены до дальнейшего уведомления. Просим сохранять спокойствие и следовать указаниям персонала.',
      },
      zh: { label: '会议暂停', text: '会议暂停。所有会议暂停，恢复时间另行通知。请保持冷静，听从工作人员的指示。' },
      ar: {
        label: 'تعليق الجلسات',
        text: 'عُلِّقت الجلسات. عُلِّقت جميع الجلسات حتى إشعار آخر. يُرجى التزام الهدوء واتباع تعليمات الموظفين.',
      },
      de: {
        label: 'Sitzungen unterbrochen',
        text: 'SITZUNGEN UNTERBROCHEN. Alle Sitzungen sind bis auf Weiteres unterbrochen. Bitte bewahren Sie Ruhe und folgen Sie den Anweisungen des Personals.',
      },
    },
  },
];
