/**
 * The request context builds its loaders and child logger only when a resolver first reads them,
 * and stays lazy through the shallow copy Apollo Server makes of every context
 * (`Object.assign(Object.create(Object.getPrototypeOf(context)), context)`).
 */
import { createContext } from '../../src/context';
import { createLogger } from '../../src/logger';
import { loadConfig } from '../../src/config';
import { createVendorClients, closeVendorClients } from '../../src/vendors/vendorClients';

const vendors = {
  cardexchange: { url: 'http://127.0.0.1:9/cx', apiKey: 'sk_test_x' },
  aktion: { url: 'http://127.0.0.1:9/aktion', userLogin: 'u', apiKey: 'k' },
  cardwizard: { url: 'http://127.0.0.1:9/cw', jwt: 'j' },
  blusky: { url: 'http://127.0.0.1:9/bs', token: 't' },
};

describe('request context', () => {
  const logger = createLogger({ level: 'silent' });
  const clients = createVendorClients(vendors as never, loadConfig({}).vendorHttp, logger);
  afterAll(() => closeVendorClients(clients));

  const apolloCopy = <T extends object>(context: T): T => Object.assign(Object.create(Object.getPrototypeOf(context)), context);

  it('builds nothing per vendor until asked, then builds each part once', () => {
    const childSpy = jest.spyOn(logger, 'child');
    const context = apolloCopy(createContext({ clients, logger, sandbox: true }, 'req-1'));
    expect(childSpy).not.toHaveBeenCalled();
    const loaders = context.cardexchange;
    expect(context.cardexchange).toBe(loaders);
    expect(context.cardByChipSerial).toBe(context.cardByChipSerial);
    expect(context.logger).toBe(context.logger);
    expect(childSpy).toHaveBeenCalledTimes(1);
    expect(childSpy).toHaveBeenCalledWith({ requestId: 'req-1' });
    childSpy.mockRestore();
  });

  it('keeps the request fields through the copy and gives each request its own loaders and client views', () => {
    const first = apolloCopy(createContext({ clients, logger, sandbox: true }, 'a'));
    const second = createContext({ clients, logger, sandbox: false, trackDataVisible: true }, 'b');
    expect(first).toMatchObject({ requestId: 'a', sandbox: true, trackDataVisible: true });
    expect(second).toMatchObject({ requestId: 'b', sandbox: false, trackDataVisible: true });
    expect(first.aktion).not.toBe(second.aktion);
    expect(first.clients.cardexchange).not.toBe(second.clients.cardexchange);
    expect(first.clients.cardexchange).toBe(first.clients.cardexchange);
    // A view shares the pool of the shared client (inherited), with its own request scope.
    expect(Object.getPrototypeOf(first.clients.cardexchange)).toBe(clients.cardexchange);
    expect(first.clients.cardReadTracker).toBe(clients.cardReadTracker);
  });
});
