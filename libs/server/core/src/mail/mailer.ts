import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Outgoing e-mail. SMTP when SMTP_URL is set; otherwise messages are recorded (and logged), for development and tests. */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;
}

export class SmtpMailer extends Mailer {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    this.transport = nodemailer.createTransport(url);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }
}

export class RecordingMailer extends Mailer {
  readonly sent: MailMessage[] = [];

  constructor(private readonly logger: Logger) {
    super();
  }

  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
    // Without SMTP the message would be lost: the log is where a developer finds the link.
    this.logger.info({ mail: { to: message.to, subject: message.subject, text: message.text } }, 'e-mail recorded (no SMTP_URL configured)');
  }
}
