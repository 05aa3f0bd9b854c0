import { Area } from '../modules/area/area.entity';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { AuthSession, MembershipRow, User } from '../modules/auth/user.entity';
import { Business } from '../modules/business/business.entity';
import { Category } from '../modules/catalogue/category.entity';
import { Cooperative, CooperativeRating } from '../modules/cooperative/cooperative.entity';
import { CooperativeStatusChange, PilotChecklistItem } from '../modules/oversight/oversight.entity';
import { Brand, Certification, Product, ProductImageRow } from '../modules/product/product.entity';
import { CertificateReminder } from '../modules/trace/certificate-reminder.entity';
import { Lot, TraceEvent } from '../modules/trace/trace.entity';
import { Upload } from '../modules/upload/upload.entity';
import { Fair, FairMeeting, FairRegistration, MeetingRequest } from '../modules/fair/fair.entity';
import { Need } from '../modules/need/need.entity';
import { Notification } from '../modules/notification/notification.entity';
import { Agreement, Delivery, Linkage, LinkageEvent, LinkageMessage, LinkageShare } from '../modules/linkage/linkage.entity';
import { ShortlistEntry } from '../modules/shortlist/shortlist.entity';

export const ENTITIES = [
  Area,
  AuditLog,
  AuthSession,
  MembershipRow,
  User,
  Business,
  Category,
  Cooperative,
  CooperativeRating,
  Brand,
  Certification,
  Product,
  ProductImageRow,
  Upload,
  CooperativeStatusChange,
  PilotChecklistItem,
  Fair,
  FairRegistration,
  MeetingRequest,
  FairMeeting,
  Lot,
  TraceEvent,
  CertificateReminder,
  Need,
  Notification,
  Linkage,
  LinkageShare,
  LinkageEvent,
  LinkageMessage,
  Agreement,
  Delivery,
  ShortlistEntry,
];
