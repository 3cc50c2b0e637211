import type { Locale } from '@panggung/contracts';

type Text = Readonly<Record<Locale, string>>;

/**
 * A sentence in each language for every event type the change list has no detailed sentence for (those
 * are in `changes.ts`), so an Indonesian list never falls back to an English phrase. A unit spec checks
 * that every event type the contracts declare has a sentence here or in `changes.ts`.
 */
export const EVENT_LABELS: Readonly<Record<string, Text>> = {
  // organisations, vendors
  OrganisationCreated: { id: 'Organisasi dibuat', en: 'Organisation created' },
  PersonRegistered: { id: 'Orang didaftarkan', en: 'Person registered' },
  VendorRegistered: { id: 'Vendor didaftarkan', en: 'Vendor registered' },
  VendorUpdated: { id: 'Data vendor diubah', en: 'Vendor details changed' },
  // productions, phases
  ProductionPlanningOpened: { id: 'Perencanaan produksi dibuka', en: 'Production planning opened' },
  RequiredVendorCategoriesSet: {
    id: 'Kategori vendor wajib ditetapkan',
    en: 'Required vendor categories set',
  },
  MilestoneReminderSent: { id: 'Pengingat tonggak dikirim', en: 'Milestone reminder sent' },
  SettlementOpened: { id: 'Penyelesaian pembayaran dibuka', en: 'Settlement opened' },
  // contracts (RFQs and quotes)
  RfqVendorInvited: { id: 'Vendor diundang ke permintaan penawaran', en: 'Vendor invited to the RFQ' },
  QuoteSubmitted: { id: 'Penawaran diajukan', en: 'Quote submitted' },
  QuoteRevised: { id: 'Penawaran direvisi', en: 'Quote revised' },
  QuoteAwarded: { id: 'Penawaran dimenangkan', en: 'Quote awarded' },
  // timeline
  TaskAdded: { id: 'Tugas ditambahkan', en: 'Task added' },
  TaskUpdated: { id: 'Tugas diubah', en: 'Task changed' },
  TaskStarted: { id: 'Tugas dimulai', en: 'Task started' },
  TaskCompleted: { id: 'Tugas selesai', en: 'Task completed' },
  TaskRemoved: { id: 'Tugas dihapus', en: 'Task removed' },
  DependencyAdded: { id: 'Ketergantungan tugas ditambahkan', en: 'Task dependency added' },
  DependencyRemoved: { id: 'Ketergantungan tugas dihapus', en: 'Task dependency removed' },
  TemplateApplied: { id: 'Templat linimasa diterapkan', en: 'Timeline template applied' },
  // crew
  UnavailabilityMarked: { id: 'Ketidaktersediaan dicatat', en: 'Unavailability marked' },
  UnavailabilityCleared: { id: 'Ketidaktersediaan dihapus', en: 'Unavailability cleared' },
  OverrideRecorded: { id: 'Pengecualian konflik dicatat', en: 'Conflict override recorded' },
  CrewRulesSet: { id: 'Aturan kru ditetapkan', en: 'Crew rules set' },
  CallSheetChanged: { id: 'Lembar panggilan berubah', en: 'Call sheet changed' },
  CallReminderSent: { id: 'Pengingat panggilan dikirim', en: 'Call reminder sent' },
  CallEscalated: { id: 'Panggilan dieskalasi', en: 'Call escalated' },
  // logistics
  VenueDetailsSet: { id: 'Detail venue ditetapkan', en: 'Venue details set' },
  EquipmentAdded: { id: 'Peralatan ditambahkan', en: 'Equipment added' },
  EquipmentRemoved: { id: 'Peralatan dihapus', en: 'Equipment removed' },
  TransportRunScheduled: { id: 'Perjalanan transportasi dijadwalkan', en: 'Transport run scheduled' },
  TransportRunCancelled: { id: 'Perjalanan transportasi dibatalkan', en: 'Transport run cancelled' },
  LoadWindowScheduled: { id: 'Jendela muat dijadwalkan', en: 'Load window scheduled' },
  LoadWindowRemoved: { id: 'Jendela muat dihapus', en: 'Load window removed' },
  // technical
  DepartmentHeadAssigned: { id: 'Kepala departemen ditetapkan', en: 'Department head assigned' },
  TechnicalRiderAdded: { id: 'Rider teknis ditambahkan', en: 'Technical rider added' },
  ChecklistItemAdded: { id: 'Butir daftar periksa ditambahkan', en: 'Checklist item added' },
  ChecklistItemChecked: { id: 'Butir daftar periksa dicentang', en: 'Checklist item checked' },
  ChecklistItemUnchecked: { id: 'Centang butir daftar periksa dibatalkan', en: 'Checklist item unchecked' },
  DepartmentChecklistSignedOff: {
    id: 'Daftar periksa departemen disahkan',
    en: 'Department checklist signed off',
  },
  DepartmentChecklistReopened: {
    id: 'Daftar periksa departemen dibuka kembali',
    en: 'Department checklist reopened',
  },
  RehearsalIssueRecorded: { id: 'Masalah gladi dicatat', en: 'Rehearsal issue recorded' },
  RehearsalIssueFixed: { id: 'Masalah gladi diperbaiki', en: 'Rehearsal issue fixed' },
  // communication
  CommentPosted: { id: 'Komentar ditulis', en: 'Comment posted' },
  CommentEdited: { id: 'Komentar diubah', en: 'Comment edited' },
  CommentDeleted: { id: 'Komentar dihapus', en: 'Comment deleted' },
  NotificationsRead: { id: 'Notifikasi dibaca', en: 'Notifications read' },
  // show (run-of-show editing and live control)
  RundownCreated: { id: 'Susunan acara dibuat', en: 'Rundown created' },
  ShowStartChanged: { id: 'Waktu mulai pertunjukan diubah', en: 'Show start changed' },
  SegmentAdded: { id: 'Segmen ditambahkan', en: 'Segment added' },
  SegmentRemoved: { id: 'Segmen dihapus', en: 'Segment removed' },
  CueAdded: { id: 'Cue ditambahkan', en: 'Cue added' },
  CueChanged: { id: 'Cue diubah', en: 'Cue changed' },
  CueMoved: { id: 'Cue dipindahkan', en: 'Cue moved' },
  CueRemoved: { id: 'Cue dihapus', en: 'Cue removed' },
  RundownFrozen: { id: 'Susunan acara dibekukan', en: 'Rundown frozen' },
  CueStoodBy: { id: 'Standby cue dipanggil', en: 'Standby called' },
  StandbyAcknowledged: { id: 'Standby dikonfirmasi', en: 'Standby acknowledged' },
  CueSkipped: { id: 'Cue dilewati', en: 'Cue skipped' },
  WentBack: { id: 'Kembali ke cue sebelumnya', en: 'Went back a cue' },
  CueTimeAdjusted: { id: 'Waktu cue disesuaikan', en: 'Cue time adjusted' },
  DelayInserted: { id: 'Penundaan disisipkan', en: 'Delay inserted' },
  // incidents
  IncidentLogged: { id: 'Insiden dilaporkan', en: 'Incident logged' },
  IncidentAssigned: { id: 'Insiden ditugaskan', en: 'Incident assigned' },
  IncidentAcknowledged: { id: 'Insiden dikonfirmasi', en: 'Incident acknowledged' },
  IncidentResolved: { id: 'Insiden diselesaikan', en: 'Incident resolved' },
  IncidentEscalated: { id: 'Insiden dieskalasi', en: 'Incident escalated' },
  IncidentEscalationSet: { id: 'Aturan eskalasi insiden ditetapkan', en: 'Incident escalation set' },
  // check-in
  CrewCheckedIn: { id: 'Kru check-in', en: 'Crew checked in' },
  CheckinGraceSet: { id: 'Toleransi keterlambatan ditetapkan', en: 'Check-in grace set' },
  VendorArrived: { id: 'Vendor tiba', en: 'Vendor arrived' },
};
