using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PapersMinutesActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_papers_text_or_link",
                table: "paper");

            migrationBuilder.AddColumn<byte[]>(
                name: "content",
                table: "paper",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "content_type",
                table: "paper",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_name",
                table: "paper",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sha256",
                table: "paper",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "size",
                table: "paper",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "uploaded_at",
                table: "paper",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "actions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    agenda_item_id = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    review_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reviewed_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_actions", x => x.id);
                    table.ForeignKey(
                        name: "fk_actions_agenda_items_agenda_item_id",
                        column: x => x.agenda_item_id,
                        principalTable: "agenda_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "minutes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    meeting_id = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    drafted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    drafted_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    approved_at_meeting_id = table.Column<int>(type: "integer", nullable: true),
                    amendments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_minutes", x => x.id);
                    table.CheckConstraint("ck_minutes_approved", "(status = 'Approved') = (approved_on IS NOT NULL AND approved_at_meeting_id IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_minutes_meetings_approved_at_meeting_id",
                        column: x => x.approved_at_meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_minutes_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "minute_notes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    minutes_id = table.Column<int>(type: "integer", nullable: false),
                    agenda_item_id = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_minute_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_minute_notes_agenda_items_agenda_item_id",
                        column: x => x.agenda_item_id,
                        principalTable: "agenda_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_minute_notes_minutes_minutes_id",
                        column: x => x.minutes_id,
                        principalTable: "minutes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_papers_document",
                table: "paper",
                sql: "(content IS NULL) = (file_name IS NULL) AND (content IS NULL) = (content_type IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_papers_text_or_link",
                table: "paper",
                sql: "url IS NOT NULL OR text IS NOT NULL OR content IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_actions_agenda_item_id_due_on",
                table: "actions",
                columns: new[] { "agenda_item_id", "due_on" });

            migrationBuilder.CreateIndex(
                name: "ix_minute_notes_agenda_item_id",
                table: "minute_notes",
                column: "agenda_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_minute_notes_minutes_id_agenda_item_id",
                table: "minute_notes",
                columns: new[] { "minutes_id", "agenda_item_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_minutes_approved_at_meeting_id",
                table: "minutes",
                column: "approved_at_meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_minutes_meeting_id",
                table: "minutes",
                column: "meeting_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "actions");

            migrationBuilder.DropTable(
                name: "minute_notes");

            migrationBuilder.DropTable(
                name: "minutes");

            migrationBuilder.DropCheckConstraint(
                name: "ck_papers_document",
                table: "paper");

            migrationBuilder.DropCheckConstraint(
                name: "ck_papers_text_or_link",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "content",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "content_type",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "file_name",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "sha256",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "size",
                table: "paper");

            migrationBuilder.DropColumn(
                name: "uploaded_at",
                table: "paper");

            migrationBuilder.AddCheckConstraint(
                name: "ck_papers_text_or_link",
                table: "paper",
                sql: "url IS NOT NULL OR text IS NOT NULL");
        }
    }
}
