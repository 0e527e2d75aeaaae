using KentMedwayCommissioning.Web.Data;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KentMedwayCommissioning.Web.Pages.Posts;

[AllowAnonymous]
public sealed class IndexModel(ISender sender, TimeProvider clock, CurrentUser user) : PageModel
{
    /// <summary>Administrators add posts and manage each post's appointments from here.</summary>
    public bool IsAdministrator => user.IsAdministrator;

    [BindProperty(SupportsGet = true)]
    public bool VacantOnly { get; set; }

    public IReadOnlyList<PostEntry> Posts { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = UkCalendar.Today(clock);
        var posts = await sender.Send(new Query(), cancellationToken);
        Posts = VacantOnly ? posts.Where(post => post.StandingOn(Today) != PostStanding.Filled).ToList() : posts;
    }

    public sealed record Query : IQuery<IReadOnlyList<PostEntry>>;

    public sealed record PostEntry(int Id, string Title, string BodyName, string BodySlug, DateOnly? EstablishedOn, IReadOnlyList<Holder> Holders)
    {
        private IEnumerable<Holding> Holdings => Holders.Select(holder => new Holding(holder.Kind, holder.From, holder.To));

        public PostStanding StandingOn(DateOnly day) => Vacancy.StandingOn(Holdings, day);

        public DateOnly? VacantSince => Vacancy.Since(Holdings, EstablishedOn);
    }

    public sealed record Holder(string Name, string Slug, bool IsFictional, bool IsPublic, AppointmentKind Kind, DateOnly? From, DateOnly? To, DatePrecision FromPrecision)
    {
        /// <summary>For a transitional holder: the substantive posts they hold beside it ("Accountable Officer, West Kent CCG").</summary>
        public IReadOnlyList<string> SubstantivePosts { get; init; } = [];
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<PostEntry>>
    {
        public async ValueTask<IReadOnlyList<PostEntry>> Handle(Query query, CancellationToken cancellationToken)
        {
            var posts = await db.Posts
                .AsNoTracking()
                .OrderBy(post => post.Body.Name)
                .ThenBy(post => post.Title)
                .Select(post => new PostEntry(
                    post.Id,
                    post.Title,
                    post.Body.Name,
                    post.Body.Slug,
                    post.EstablishedOn,
                    post.Appointments
                        .OrderBy(appointment => appointment.From)
                        .Select(appointment => new Holder(
                            appointment.Person.FullName,
                            appointment.Person.Slug,
                            appointment.Person.IsFictional,
                            appointment.Person.IsPublic,
                            appointment.Kind,
                            appointment.From,
                            appointment.To,
                            appointment.FromPrecision))
                        .ToList()))
                .ToListAsync(cancellationToken);

            var substantive = posts
                .SelectMany(post => post.Holders.Where(holder => holder.Kind == AppointmentKind.Substantive).Select(holder => (holder.Slug, Post: $"{post.Title}, {post.BodyName}")))
                .ToLookup(holding => holding.Slug, holding => holding.Post);
            return posts
                .Select(post => post with
                {
                    Holders = post.Holders
                        .Select(holder => holder.Kind == AppointmentKind.Transitional ? holder with { SubstantivePosts = substantive[holder.Slug].ToList() } : holder)
                        .ToList(),
                })
                .ToList();
        }
    }
}
