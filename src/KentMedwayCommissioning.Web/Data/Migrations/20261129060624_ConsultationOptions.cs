using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConsultationOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "options",
                table: "consultations",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "options",
                table: "consultations");
        }
    }
}
