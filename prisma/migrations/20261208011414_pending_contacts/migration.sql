-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'UNDO_CONTACT_CHANGE';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "pendingEmail" TEXT,
ADD COLUMN     "pendingPhone" TEXT;
