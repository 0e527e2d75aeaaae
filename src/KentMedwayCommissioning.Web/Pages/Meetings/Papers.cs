using FluentValidation;
using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Audit;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KentMedwayCommissioning.Web.Pages.Meetings;

/// <summary>How big an uploaded paper may be (<c>Papers:MaxUploadBytes</c>, 20 MB unless configured).</summary>
public sealed class PaperOptions
{
    public const string Section = "Papers";

    public int MaxUploadBytes { get; set; } = 20 * 1024 * 1024;

    public string MaxUploadText => Shared.Display.FileSize(MaxUploadBytes);
}

/// <summary>
/// Papers for an item: the secretary attaches an uploaded document (kept in PostgreSQL, its type told from its content)
/// or writes the paper as Markdown. Anyone may download a public item's document; a private item's answers 404 to
/// everyone the item's own page hides it from.
/// </summary>
public static class Papers
{
    public const string DownloadPattern = "/meetings/{id:int}/items/{number:int}/papers/{paperId:int}";

    /// <summary>
    /// The browser must never run or render a paper as part of the site: it is offered as a download, with its
    /// identified type, no sniffing, and a sandbox that gives it no origin should a browser open it anyway.
    /// </summary>
    public const string DownloadContentSecurityPolicy = "sandbox; default-src 'none'";

    /// <param name="Content">The uploaded file; null for a paper written as text.</param>
    public sealed record Attach(int MeetingId, int ItemNumber, string? Title, string? FileName, [property: AuditRedacted] byte[]? Content, string? Text)
        : ICommand<int>, IMeetingSecretaryCommand
    {
        /// <summary>What the audit log keeps of the file instead of its bytes.</summary>
        public int? Size => Content?.Length;
    }

    public sealed class AttachValidator : AbstractValidator<Attach>
    {
        public AttachValidator(IOptions<PaperOptions> options)
        {
            var limit = options.Value;
            RuleFor(command => command.Title)
                .NotEmpty().WithMessage("Enter the paper's title")
                .MaximumLength(300).WithMessage("The paper's title must be 300 characters or fewer");
            RuleFor(command => command.Text).MaximumLength(100_000).WithMessage("The paper's text must be 100,000 characters or fewer");
            RuleFor(command => command)
                .Must(command => command.Content is { Length: > 0 } != !string.IsNullOrWhiteSpace(command.Text))
                .OverridePropertyName("File")
                .WithMessage("Choose a file to upload, or write the paper's text, but not both");
            When(command => command.Content is { Length: > 0 }, () =>
            {
                RuleFor(command => command.FileName)
                    .NotEmpty().WithMessage("The file needs a name")
                    .MaximumLength(255).WithMessage("The file's name must be 255 characters or fewer")
                    .OverridePropertyName("File");
                RuleFor(command => command.Content!.Length)
                    .LessThanOrEqualTo(limit.MaxUploadBytes).WithMessage($"The file must be {limit.MaxUploadText} or smaller")
                    .OverridePropertyName("File");
                RuleFor(command => command)
                    .Must(command => command.Content!.Length > limit.MaxUploadBytes || PaperFormat.Identify(command.FileName, command.Content) is not null)
                    .OverridePropertyName("File")
                    .WithMessage($"The file must be {PaperFormat.Accepted}, and its name must end in the extension of what it really is");
            });
        }
    }

    internal sealed class AttachHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<Attach, int>
    {
        public async ValueTask<int> Handle(Attach command, CancellationToken cancellationToken)
        {
            await RunMeeting.LockAsync(db, command.MeetingId, cancellationToken);
            var item = await db.AgendaItems.SingleOrDefaultAsync(item => item.MeetingId == command.MeetingId && item.Number == command.ItemNumber, cancellationToken)
                ?? throw new NotFoundException($"Meeting {command.MeetingId} has no item {command.ItemNumber}.");
            var title = command.Title!.Trim();
            var paper = command.Content is { Length: > 0 } content
                ? item.AttachDocument(title, SafeFileName(command.FileName!), PaperFormat.Identify(command.FileName, content)!, content, clock.GetUtcNow())
                : item.AttachPaper(title, null, command.Text!.Trim());
            await db.SaveChangesAsync(cancellationToken);
            return paper.Id;
        }

        /// <summary>The name without any folder, and without characters that have no place in a download's name.</summary>
        private static string SafeFileName(string fileName)
        {
            var name = Path.GetFileName(fileName.Replace('\\', '/'));
            return new string(name.Where(character => !char.IsControl(character) && character is not ('"' or '/' or '\\')).ToArray()).Trim();
        }
    }

    public sealed record Download(int MeetingId, int ItemNumber, int PaperId) : IQuery<PaperFile?>;

    public sealed record PaperFile(string FileName, string ContentType, byte[] Content);

    internal sealed class DownloadHandler(AppDbContext db, CurrentUser user) : IQueryHandler<Download, PaperFile?>
    {
        public async ValueTask<PaperFile?> Handle(Download query, CancellationToken cancellationToken)
        {
            var paper = await db.AgendaItems
                .AsNoTracking()
                .Where(item => item.MeetingId == query.MeetingId && item.Number == query.ItemNumber)
                .SelectMany(item => item.Papers.Where(paper => paper.Id == query.PaperId && paper.Content != null), (item, paper) => new
                {
                    item.Part,
                    item.Meeting.BodyId,
                    paper.FileName,
                    paper.ContentType,
                    paper.Content,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (paper is null)
            {
                return null;
            }

            if (paper.Part == MeetingPart.Private)
            {
                // The same rule as the item's page: to anyone else the item, and so its papers, do not exist.
                var roll = await MeetingRoll.LoadAsync(db, query.MeetingId, cancellationToken);
                if (!roll!.ShowsPrivatePartTo(user.PersonId, user.CanRunMeetingsOf(paper.BodyId)))
                {
                    return null;
                }
            }

            return new PaperFile(paper.FileName!, paper.ContentType!, paper.Content!);
        }
    }

    public static IServiceCollection AddMeetingPapers(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<PaperOptions>(configuration.GetSection(PaperOptions.Section));

    public static void MapMeetingPapers(this IEndpointRouteBuilder app) =>
        app.MapGet(DownloadPattern, async (int id, int number, int paperId, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
            {
                if (await sender.Send(new Download(id, number, paperId), cancellationToken) is not { } file)
                {
                    return Results.NotFound();
                }

                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = DownloadContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "private, no-cache";
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .AllowAnonymous()
            .WithName("MeetingPaper")
            .ExcludeFromDescription();
}
