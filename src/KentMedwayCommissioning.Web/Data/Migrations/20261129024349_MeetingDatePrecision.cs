using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MeetingDatePrecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "meeting_date_iso",
                table: "published_decisions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "date_precision",
                table: "meetings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Time");

            // A meeting whose date the papers gave only in words was stored at the start of its period: claim no more
            // than its year.
            migrationBuilder.Sql("UPDATE meetings SET date_precision = 'Year' WHERE date_as_reported IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "meeting_date_iso",
                table: "published_decisions");

            migrationBuilder.DropColumn(
                name: "date_precision",
                table: "meetings");
        }
    }
}
