import type { AddressInfo } from 'node:net';
import { SmtpMailer } from '@prm/server/core';
import { SMTPServer } from 'smtp-server';

// The SMTP transport against a real SMTP server on loopback (started here), not a mock.
describe('SMTP mailer', () => {
  let server: SMTPServer;
  const received: { from: string; to: string[]; data: string }[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers a message with sender, recipient, subject and body', async () => {
    const { port } = server.server.address() as AddressInfo;
    const mailer = new SmtpMailer(`smtp://127.0.0.1:${port}`, 'Partner Portal <no-reply@vendor.test>');
    await mailer.send({ to: 'new.rep@northwind.test', subject: 'Your invitation', text: 'Choose your password: http://localhost/invite/abc' });
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe('no-reply@vendor.test');
    expect(received[0].to).toEqual(['new.rep@northwind.test']);
    expect(received[0].data).toMatch(/Subject: Your invitation/);
    expect(received[0].data).toContain('http://localhost/invite/abc');
  });
});
