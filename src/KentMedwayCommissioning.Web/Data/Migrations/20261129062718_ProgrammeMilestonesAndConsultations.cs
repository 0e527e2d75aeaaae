using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammeMilestonesAndConsultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "establishes_body_id",
                table: "programmes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "target_date",
                table: "programmes",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "options",
                table: "consultations",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.CreateTable(
                name: "milestone_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    milestone_id = table.Column<int>(type: "integer", nullable: false),
                    change = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_milestone_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_milestone_changes_milestones_milestone_id",
                        column: x => x.milestone_id,
                        principalTable: "milestones",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "programme_changes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    programme_id = table.Column<int>(type: "integer", nullable: false),
                    change = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programme_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_programme_changes_programmes_programme_id",
                        column: x => x.programme_id,
                        principalTable: "programmes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_programmes_establishes_body_id",
                table: "programmes",
                column: "establishes_body_id");

            migrationBuilder.CreateIndex(
                name: "ix_milestone_changes_milestone_id",
                table: "milestone_changes",
                column: "milestone_id");

            migrationBuilder.CreateIndex(
                name: "ix_programme_changes_programme_id",
                table: "programme_changes",
                column: "programme_id");

            migrationBuilder.AddForeignKey(
                name: "fk_programmes_bodies_establishes_body_id",
                table: "programmes",
                column: "establishes_body_id",
                principalTable: "bodies",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The programme's and its milestones' histories are kept as the forecasts' are: never rewritten.
            migrationBuilder.Sql("""
                CREATE TRIGGER programme_changes_append_only BEFORE UPDATE OR DELETE ON programme_changes
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
                CREATE TRIGGER milestone_changes_append_only BEFORE UPDATE OR DELETE ON milestone_changes
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER milestone_changes_append_only ON milestone_changes;
                DROP TRIGGER programme_changes_append_only ON programme_changes;
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_programmes_bodies_establishes_body_id",
                table: "programmes");

            migrationBuilder.DropTable(
                name: "milestone_changes");

            migrationBuilder.DropTable(
                name: "programme_changes");

            migrationBuilder.DropIndex(
                name: "ix_programmes_establishes_body_id",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "establishes_body_id",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "target_date",
                table: "programmes");

            migrationBuilder.DropColumn(
                name: "options",
                table: "consultations");
        }
    }
}
