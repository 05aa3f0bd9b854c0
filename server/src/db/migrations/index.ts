import { Foundation1764300000000 } from './1764300000000-Foundation';
import { Traceability1764400000000 } from './1764400000000-Traceability';
import { Oversight1764500000000 } from './1764500000000-Oversight';
import { Fairs1764600000000 } from './1764600000000-Fairs';
import { NeedsLinkage1764700000000 } from './1764700000000-NeedsLinkage';
import { FairLinkage1764810000000 } from './1764810000000-FairLinkage';
import { ScheduleProgress1764820000000 } from './1764820000000-ScheduleProgress';
import { MatchProfile1764850000000 } from './1764850000000-MatchProfile';
import { AgreementUnitShortlist1764800000000 } from './1764800000000-AgreementUnitShortlist';
import { AgreementDocumentIndex1764840000001 } from './1764840000001-AgreementDocumentIndex';
import { SessionEndedNotify1764840000002 } from './1764840000002-SessionEndedNotify';
import { SearchVocabulary1764830000001 } from './1764830000001-SearchVocabulary';
import { ProductSearchRows1764830000002 } from './1764830000002-ProductSearchRows';
import { MatchProfileWriters1764860000001 } from './1764860000001-MatchProfileWriters';
import { DocumentUploads1764875000000 } from './1764875000000-DocumentUploads';
import { FairNotifications1764876000000 } from './1764876000000-FairNotifications';
import { RefreshTokenReuse1764870000000 } from './1764870000000-RefreshTokenReuse';

/** Every migration, in order. A new one is added here as well as in its file. */
export const MIGRATIONS = [
  Foundation1764300000000,
  Traceability1764400000000,
  Oversight1764500000000,
  Fairs1764600000000,
  NeedsLinkage1764700000000,
  FairLinkage1764810000000,
  ScheduleProgress1764820000000,
  AgreementUnitShortlist1764800000000,
  MatchProfile1764850000000,
  AgreementDocumentIndex1764840000001,
  SessionEndedNotify1764840000002,
  SearchVocabulary1764830000001,
  ProductSearchRows1764830000002,
  MatchProfileWriters1764860000001,
  DocumentUploads1764875000000,
  FairNotifications1764876000000,
  RefreshTokenReuse1764870000000,
];
