using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KentMedwayCommissioning.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Consultations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consultations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    slug = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    opens = table.Column<DateOnly>(type: "date", nullable: false),
                    closes = table.Column<DateOnly>(type: "date", nullable: false),
                    subject = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    deciding_body_id = table.Column<int>(type: "integer", nullable: false),
                    proposal_id = table.Column<int>(type: "integer", nullable: true),
                    source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decision_expected_as_reported = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decision_expected_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultations", x => x.id);
                    table.CheckConstraint("ck_consultations_dates", "closes >= opens");
                    table.ForeignKey(
                        name: "fk_consultations_bodies_deciding_body_id",
                        column: x => x.deciding_body_id,
                        principalTable: "bodies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_consultations_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_consultations_deciding_body_id",
                table: "consultations",
                column: "deciding_body_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_proposal_id",
                table: "consultations",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_consultations_slug",
                table: "consultations",
                column: "slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consultations");
        }
    }
}
