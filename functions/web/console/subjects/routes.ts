import type { WebDeps } from '../../deps.ts';
import type { WebRoute } from '../../router.ts';
import { subjectDetailPage } from './detailPage.tsx';
import { editSubjectPage, newSubjectPage, postEditSubject, postNewSubject } from './formPage.tsx';
import { subjectListPage } from './listPage.tsx';
import { postRepairDecision, repairDecisionPage, repairQueuePage } from './repairsPage.tsx';
import { whatIfPage } from './whatIfPage.tsx';

/** Subjects (list, detail, audit trail, registration), the what-if, the repair queue (docs/console.md). */
export const subjectConsoleRoutes: readonly WebRoute<WebDeps>[] = [
  { method: 'GET', path: '/console/subjects', access: 'bureau', handle: subjectListPage },
  { method: 'GET', path: '/console/subjects/new', access: 'bureau', handle: newSubjectPage },
  { method: 'POST', path: '/console/subjects/new', access: 'bureau', handle: postNewSubject },
  { method: 'GET', path: '/console/subjects/{kind}/{id}', access: 'bureau', handle: subjectDetailPage },
  { method: 'GET', path: '/console/subjects/{kind}/{id}/edit', access: 'bureau', handle: editSubjectPage },
  { method: 'POST', path: '/console/subjects/{kind}/{id}/edit', access: 'bureau', handle: postEditSubject },
  { method: 'GET', path: '/console/what-if', access: 'bureau', handle: whatIfPage },
  { method: 'GET', path: '/console/repairs', access: 'bureau', handle: repairQueuePage },
  { method: 'GET', path: '/console/repairs/{kind}/{id}/{applicationId}', access: 'bureau', handle: repairDecisionPage },
  {
    method: 'POST',
    path: '/console/repairs/{kind}/{id}/{applicationId}',
    access: 'bureau',
    handle: postRepairDecision,
  },
];
