import type {
  IssueRfqBody,
  QuoteView,
  RfqList,
  RfqView,
  SubmitQuoteBody,
  VendorCategory,
  VendorPage,
} from '@panggung/contracts';
import { requestJson } from '../api/client.ts';

const enc = encodeURIComponent;

/** The organisation's vendor directory, one category (a vendor person sees only its own company). */
export function listVendors(category: VendorCategory): Promise<VendorPage> {
  return requestJson<VendorPage>('GET', `/api/vendors?${new URLSearchParams({ category, limit: '200' })}`);
}

/** The production's RFQs (a vendor: those it is invited to), newest first. */
export const listRfqs = (productionId: string) =>
  requestJson<RfqList>('GET', `/api/productions/${enc(productionId)}/rfqs`);

export const issueRfq = (productionId: string, body: IssueRfqBody) =>
  requestJson<RfqView>('POST', `/api/productions/${enc(productionId)}/rfqs`, body);

/** One RFQ: internal roles get every quote and the comparison; a vendor its own quote. */
export const getRfq = (rfqId: string) => requestJson<RfqView>('GET', `/api/rfqs/${enc(rfqId)}`);

export const submitQuote = (rfqId: string, body: SubmitQuoteBody) =>
  requestJson<QuoteView>('POST', `/api/rfqs/${enc(rfqId)}/quotes`, body);

export const reviseQuote = (rfqId: string, quoteId: string, body: SubmitQuoteBody) =>
  requestJson<QuoteView>('POST', `/api/rfqs/${enc(rfqId)}/quotes/${enc(quoteId)}/revisions`, body);

export const awardQuote = (rfqId: string, quoteId: string) =>
  requestJson<RfqView>('POST', `/api/rfqs/${enc(rfqId)}/award`, { quoteId });
