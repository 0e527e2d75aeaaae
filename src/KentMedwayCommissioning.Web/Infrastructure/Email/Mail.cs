using System.Threading.Channels;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace KentMedwayCommissioning.Web.Infrastructure.Email;

/// <summary>The mail server (configuration section <c>Smtp</c>). With no <see cref="Host"/>, no mail is sent.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>The sender, such as <c>Kent and Medway Commissioning &lt;no-reply@example.nhs.uk&gt;</c>.</summary>
    public string From { get; set; } = "Kent and Medway Commissioning <no-reply@localhost>";

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>Auto (STARTTLS when the server offers it), StartTls, SslOnConnect or None.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>A message to one person.</summary>
public sealed record OutgoingMail(string To, string Subject, string Body);

/// <summary>
/// Mail waiting to be sent. Handlers put messages here and return at once, so a page answers in the same time whether
/// or not it sent mail (a reset request must not reveal which addresses have accounts), and a slow mail server never
/// holds a command's transaction open.
/// </summary>
public sealed class Outbox(Microsoft.Extensions.Options.IOptions<SmtpOptions> options)
{
    private readonly Channel<OutgoingMail> _queue = Channel.CreateBounded<OutgoingMail>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public bool CanSend => options.Value.IsConfigured;

    /// <summary>Queues the message when a mail server is configured; says whether it did.</summary>
    public bool TrySend(OutgoingMail mail) => CanSend && _queue.Writer.TryWrite(mail);

    internal ChannelReader<OutgoingMail> Reader => _queue.Reader;
}

/// <summary>Sends what the <see cref="Outbox"/> holds through SMTP with MailKit, one message at a time; a failure is logged and the next message tried.</summary>
public sealed class MailSender(Outbox outbox, Microsoft.Extensions.Options.IOptions<SmtpOptions> options, ILogger<MailSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in outbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await SendAsync(mail, stoppingToken);
                logger.LogInformation("Sent {Subject} to {To}", mail.Subject, mail.To);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogError(failure, "Could not send {Subject} to {To}", mail.Subject, mail.To);
            }
        }
    }

    private async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
