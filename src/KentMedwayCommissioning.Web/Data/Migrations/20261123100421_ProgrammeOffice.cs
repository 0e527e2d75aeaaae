using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeOffice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mergers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    slug = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    forms_body_id = table.Column<int>(type: "integer", nullable: false),
                    approver_body_id = table.Column<int>(type: "integer", nullable: false),
                    is_approved = table.Column<bool>(type: "boolean", nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    live_on = table.Column<DateOnly>(type: "date", nullable: true),
                    practice_ballot_id = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mergers", x => x.id);
                    table.ForeignKey(
                        name: "fk_mergers_bodies_approver_body_id",
                        column: x => x.approver_body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mergers_bodies_forms_body_id",
                        column: x => x.forms_body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_mergers_practice_ballots_practice_ballot_id",
                        column: x => x.practice_ballot_id,
                        principalTable: "practice_ballots",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    margin_days = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.id);
                    table.CheckConstraint("ck_programmes_margin", "margin_days >= 0");
                });

            migrationBuilder.CreateTable(
                name: "merger_condition",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    merger_id = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    met_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_merger_condition", x => x.id);
                    table.CheckConstraint("ck_merger_conditions_met_with_evidence", "met_on IS NULL OR evidence IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_merger_condition_mergers_merger_id",
                        column: x => x.merger_id,
                        principalTable: "mergers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "milestones",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    programme_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_done = table.Column<bool>(type: "boolean", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    proposal_id = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    baseline_as_reported = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    baseline_date = table.Column<DateOnly>(type: "date", nullable: false),
                    forecast_as_reported = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    forecast_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestones", x => x.id);
                    table.ForeignKey(
                        name: "fk_milestones_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_milestones_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "forecast_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    milestone_id = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    forecast_as_reported = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    forecast_date = table.Column<DateOnly>(type: "date", nullable: false),
                    previous_as_reported = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    previous_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forecast_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_forecast_changes_milestones_milestone_id",
                        column: x => x.milestone_id,
                        principalTable: "milestones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "milestone_dependency",
                columns: table => new
                {
                    milestone_id = table.Column<int>(type: "integer", nullable: false),
                    depends_on_id = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestone_dependency", x => new { x.milestone_id, x.depends_on_id });
                    table.CheckConstraint("ck_milestone_dependencies_not_self", "milestone_id <> depends_on_id");
                    table.ForeignKey(
                        name: "fk_milestone_dependency_milestones_depends_on_id",
                        column: x => x.depends_on_id,
                        principalTable: "milestones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_milestone_dependency_milestones_milestone_id",
                        column: x => x.milestone_id,
                        principalTable: "milestones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_forecast_changes_milestone_id",
                table: "forecast_changes",
                column: "milestone_id");

            migrationBuilder.CreateIndex(
                name: "ix_merger_condition_merger_id",
                table: "merger_condition",
                column: "merger_id");

            migrationBuilder.CreateIndex(
                name: "ix_mergers_approver_body_id",
                table: "mergers",
                column: "approver_body_id");

            migrationBuilder.CreateIndex(
                name: "ix_mergers_forms_body_id",
                table: "mergers",
                column: "forms_body_id");

            migrationBuilder.CreateIndex(
                name: "ix_mergers_practice_ballot_id",
                table: "mergers",
                column: "practice_ballot_id");

            migrationBuilder.CreateIndex(
                name: "ix_mergers_slug",
                table: "mergers",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_milestone_dependency_depends_on_id",
                table: "milestone_dependency",
                column: "depends_on_id");

            migrationBuilder.CreateIndex(
                name: "ix_milestones_programme_id_title",
                table: "milestones",
                columns: new[] { "programme_id", "title" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_milestones_proposal_id",
                table: "milestones",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_slug",
                table: "programmes",
                column: "slug",
                unique: true);

            // Every re-forecast is kept: the history explains slippage, so the database refuses to rewrite it.
            migrationBuilder.Sql("""
                CREATE TRIGGER forecast_changes_append_only BEFORE UPDATE OR DELETE ON forecast_changes
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER forecast_changes_append_only ON forecast_changes;");

            migrationBuilder.DropTable(
                name: "forecast_changes");

            migrationBuilder.DropTable(
                name: "merger_condition");

            migrationBuilder.DropTable(
                name: "milestone_dependency");

            migrationBuilder.DropTable(
                name: "mergers");

            migrationBuilder.DropTable(
                name: "milestones");

            migrationBuilder.DropTable(
                name: "programmes");
        }
    }
}
