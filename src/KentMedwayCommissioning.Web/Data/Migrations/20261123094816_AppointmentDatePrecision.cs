using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AppointmentDatePrecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "from_precision",
                table: "appointments",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Day");

            // The transitional roles began "from February" 2018: the papers give the month only.
            migrationBuilder.Sql("UPDATE appointments SET from_precision = 'Month' WHERE kind = 'Transitional' AND from_date = DATE '2018-02-01'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "from_precision",
                table: "appointments");
        }
    }
}
