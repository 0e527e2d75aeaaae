using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Posts;

[AllowAnonymous]
public sealed class IndexModel(ISender sender, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool VacantOnly { get; set; }

    public IReadOnlyList<PostEntry> Posts { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var posts = await sender.Send(new Query(), cancellationToken);
        Posts = VacantOnly ? posts.Where(post => post.IsSubstantivelyVacant).ToList() : posts;
    }

    public sealed record Query : IQuery<IReadOnlyList<PostEntry>>;

    public sealed record PostEntry(string Title, string BodyName, string BodySlug, DateOnly? EstablishedOn, string? Source, IReadOnlyList<Holding> Holders)
    {
        public bool IsSubstantivelyVacant => Holders.All(holder => holder.Kind != AppointmentKind.Substantive || holder.To is not null);

        /// <summary>When the post last had a substantive holder, or when it was created; null when the papers do not say.</summary>
        public DateOnly? VacantSince =>
            Holders.Where(holder => holder.Kind == AppointmentKind.Substantive).Max(holder => holder.To) ?? EstablishedOn;
    }

    public sealed record Holding(string Name, string Slug, bool IsFictional, AppointmentKind Kind, DateOnly? From, DateOnly? To);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<PostEntry>>
    {
        public async ValueTask<IReadOnlyList<PostEntry>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Posts
                .AsNoTracking()
                .OrderBy(post => post.Body.Name)
                .ThenBy(post => post.Title)
                .Select(post => new PostEntry(
                    post.Title,
                    post.Body.Name,
                    post.Body.Slug,
                    post.EstablishedOn,
                    post.Source,
                    post.Appointments
                        .OrderBy(appointment => appointment.From)
                        .Select(appointment => new Holding(
                            appointment.Person.FullName,
                            appointment.Person.Slug,
                            appointment.Person.IsFictional,
                            appointment.Kind,
                            appointment.From,
                            appointment.To))
                        .ToList()))
                .ToListAsync(cancellationToken);
    }
}
