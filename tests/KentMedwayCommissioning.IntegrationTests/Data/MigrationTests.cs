using KentMedwayCommissioning.TestSupport;
using KentMedwayCommissioning.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace KentMedwayCommissioning.IntegrationTests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_leave_nothing_pending()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("migrations");
        try
        {
            var options = (DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), connectionString).Options;
            await using var db = new AppDbContext(options);

            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            var tables = await db.Database.SqlQueryRaw<string>("SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'").ToListAsync();
            Assert.Superset(new HashSet<string> { "bodies", "people", "posts", "appointments", "memberships", "joint_committee_members", "users", "roles" }, tables.ToHashSet());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        var options = (DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), "Host=localhost;Database=unused").Options;
        await using var db = new AppDbContext(options);

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration: run dotnet ef migrations add.");
    }

    [Fact]
    public async Task The_database_refuses_a_quorum_fraction_outside_zero_to_one()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("constraints");
        try
        {
            var options = (DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), connectionString).Options;
            await using var db = new AppDbContext(options);
            await db.Database.MigrateAsync();

            var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO bodies (name, slug, kind, quorum_fraction, quorum_requires_lay_member, quorum_requires_clinical_member,
                                    majority_threshold, chair_has_casting_vote, withdrawn_members_count_towards_quorum)
                VALUES ('Broken', 'broken', 'JointCommittee', 1.5, true, true, 0.5, true, false)
                """));
            Assert.Equal("ck_bodies_quorum_fraction", error.ConstraintName);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task People_recorded_before_the_public_flag_existed_stay_listed_in_public()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("people_public");
        try
        {
            var options = (DbContextOptions<AppDbContext>)AppDbContext.Configure(new DbContextOptionsBuilder<AppDbContext>(), connectionString).Options;
            await using var db = new AppDbContext(options);
            var migrations = db.Database.GetMigrations().ToList();
            var adding = migrations.Single(migration => migration.EndsWith("_PeopleHistory", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[migrations.IndexOf(adding) - 1]);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO people (full_name, slug, is_fictional) VALUES ('Existing Person', 'existing-person', false)");

            await migrator.MigrateAsync(adding);

            Assert.True(await db.Database.SqlQueryRaw<bool>("SELECT is_public AS \"Value\" FROM people WHERE slug = 'existing-person'").SingleAsync());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }
}
