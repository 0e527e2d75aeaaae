using System.Data.Common;
using KentMedwayCommissioning.Web.Domain;
using KentMedwayCommissioning.Web.Domain.Accounts;
using KentMedwayCommissioning.Web.Domain.Audit;
using KentMedwayCommissioning.Web.Domain.Meetings;
using KentMedwayCommissioning.Web.Domain.Programme;
using KentMedwayCommissioning.Web.Domain.Register;
using KentMedwayCommissioning.Web.Domain.Registers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KentMedwayCommissioning.Web.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Body> Bodies => Set<Body>();
    public DbSet<BodyChange> BodyChanges => Set<BodyChange>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<JointCommitteeMember> JointCommitteeMembers => Set<JointCommitteeMember>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonChange> PersonChanges => Set<PersonChange>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<AppointmentChange> AppointmentChanges => Set<AppointmentChange>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<SeatChange> SeatChanges => Set<SeatChange>();
    public DbSet<Interest> Interests => Set<Interest>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<Declaration> Declarations => Set<Declaration>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<VoteEvent> VoteEvents => Set<VoteEvent>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<PracticeBallot> PracticeBallots => Set<PracticeBallot>();
    public DbSet<ProgrammePlan> Programmes => Set<ProgrammePlan>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<ForecastChange> ForecastChanges => Set<ForecastChange>();
    public DbSet<Merger> Mergers => Set<Merger>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<CommissioningLevel> CommissioningLevels => Set<CommissioningLevel>();
    public DbSet<FunctionAllocation> FunctionAllocations => Set<FunctionAllocation>();
    public DbSet<PublishedDecision> PublishedDecisions => Set<PublishedDecision>();
    public DbSet<RegisterTreeNode> RegisterTreeNodes => Set<RegisterTreeNode>();
    public DbSet<GiftOrHospitality> GiftsAndHospitality => Set<GiftOrHospitality>();
    public DbSet<ProcurementDecision> ProcurementDecisions => Set<ProcurementDecision>();
    public DbSet<ProcurementInterest> ProcurementInterests => Set<ProcurementInterest>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AccountLink> AccountLinks => Set<AccountLink>();
    public DbSet<Minutes> Minutes => Set<Minutes>();
    public DbSet<ActionPoint> Actions => Set<ActionPoint>();

    /// <summary>ASP.NET Core's data-protection keys, shared by every instance so a sign-in or form made on one is good on another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Identity's tables in the same snake_case as ours, so raw SQL reads one way.
        builder.Entity<ApplicationUser>().ToTable("users");
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }

    /// <summary>How often, and how patiently, a statement that fails for a transient reason is tried again: on both connections.</summary>
    internal const int MaxRetries = 5;

    internal static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>The provider settings every AppDbContext uses, at run time and design time alike.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(WithPoolSettings(connectionString), npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history")
                // A dropped connection or a failover is retried; commands run whole inside the strategy (AuditedTransactionBehaviour).
                .EnableRetryOnFailure(MaxRetries, MaxRetryDelay, errorCodesToAdd: null))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// The connection string with the app's pool settings, for each that it does not name itself:
    /// <list type="bullet">
    /// <item>Npgsql's automatic preparation: a statement sent twice on a connection is prepared there, so PostgreSQL stops
    /// parsing and planning it on every request. At 100,000 decisions planning took 0.5 to 0.7 ms of a register query's
    /// 0.6 to 0.9 ms (EXPLAIN ANALYZE; README), and planning a vote's statement 0.35 to 1.5 ms.</item>
    /// <item>No reset when a connection goes back to the pool. Npgsql otherwise sends <c>SET SESSION AUTHORIZATION
    /// DEFAULT; RESET ALL; CLOSE ALL; UNLISTEN *; ...</c> before the next statement on it, which cost PostgreSQL about as
    /// much as a decision page's own statement (README). The app keeps no state in a session to reset: its locks are
    /// transaction locks, it changes no setting with SET, and it opens no cursor, temporary table or LISTEN.
    /// Code that ever does must undo it before the connection goes back.</item>
    /// </list>
    /// </summary>
    public static string WithPoolSettings(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Npgsql's builder says it "contains" every keyword it knows, set or not, so ask what the string itself names.
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!named.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!named.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the data reads on its own and survives reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
