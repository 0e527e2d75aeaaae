using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "published_decisions",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    body_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body_slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agenda_item_id = table.Column<int>(type: "integer", nullable: false),
                    meeting_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    meeting_date = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    item_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    votes_for = table.Column<int>(type: "integer", nullable: true),
                    votes_against = table.Column<int>(type: "integer", nullable: true),
                    abstentions = table.Column<int>(type: "integer", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    corrects_sequence = table.Column<long>(type: "bigint", nullable: true),
                    previous_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('english', coalesce(body_name, '') || ' ' || coalesce(item_title, '') || ' ' || coalesce(question, '') || ' ' || coalesce(explanation, '') || ' ' || coalesce(meeting_title, ''))", stored: true),
                    declarations = table.Column<string>(type: "jsonb", nullable: true),
                    votes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_published_decisions", x => x.sequence);
                });

            migrationBuilder.CreateIndex(
                name: "ix_published_decisions_agenda_item_id",
                table: "published_decisions",
                column: "agenda_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_published_decisions_body_slug",
                table: "published_decisions",
                column: "body_slug");

            migrationBuilder.CreateIndex(
                name: "ix_published_decisions_hash",
                table: "published_decisions",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_published_decisions_search_vector",
                table: "published_decisions",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            // A published decision is never edited or removed; a correction is a new entry.
            migrationBuilder.Sql("""
                CREATE TRIGGER published_decisions_append_only BEFORE UPDATE OR DELETE ON published_decisions
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER published_decisions_append_only ON published_decisions;");

            migrationBuilder.DropTable(
                name: "published_decisions");
        }
    }
}
